namespace CollectionStore.Domain.Model;

/// <summary>The scalar type names a model field may use.</summary>
public static class ScalarTypes
{
    public const string Id = "ID";
    public const string String = "String";
    public const string Int = "Int";
    public const string Float = "Float";
    public const string Boolean = "Boolean";
    public const string DateTime = "DateTime";

    /// <summary>Every supported scalar name.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, String, Int, Float, Boolean, DateTime,
    };
}
