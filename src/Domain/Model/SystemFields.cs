namespace CollectionStore.Domain.Model;

/// <summary>The fields every collection has, maintained by the store.</summary>
public static class SystemFields
{
    public const string Id = "id";
    public const string Version = "version";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string CreatedBy = "createdBy";
    public const string UpdatedBy = "updatedBy";

    /// <summary>Every system field name; a model may not declare a field with one of these names.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Version, CreatedAt, UpdatedAt, CreatedBy, UpdatedBy,
    };
}
