namespace CollectionStore.Api.Schema;

/// <summary>Page sizes of the generated connections, bound from the configuration section <c>Paging</c>.</summary>
internal sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>The page size when a query gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest <c>first</c>/<c>last</c> a query may ask for; more is <c>PAGE_SIZE_EXCEEDED</c>.</summary>
    public int MaxPageSize { get; set; } = 500;
}
