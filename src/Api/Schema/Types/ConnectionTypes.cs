using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The Relay connection types of a collection (<c>TasksConnection</c>, <c>TasksEdge</c>) and the shared
/// <c>PageInfo</c>; their source is a <see cref="DocumentPage"/> and its <see cref="PageItem"/>s.
/// </summary>
internal sealed class ConnectionTypes(GraphTypeRegistry registry)
{
    public ObjectGraphType PageInfo => registry.GetOrAdd(TypeNames.PageInfo, CreatePageInfo);

    public ObjectGraphType For(CollectionDefinition collection) => registry.Get<ObjectGraphType>(TypeNames.Connection(collection));

    /// <summary>Creates the connection and edge types of a collection whose object type is <paramref name="node"/>.</summary>
    public void Add(CollectionDefinition collection, ObjectGraphType node)
    {
        var edge = new ObjectGraphType { Name = TypeNames.Edge(collection), Description = $"A {collection.Name} in a page, with its cursor." };
        edge.AddField(FieldFactory.Create("cursor", GraphTypeRegistry.NonNull(registry.String), c => Item(c.Source).Cursor, "An opaque cursor for after/before."));
        edge.AddField(FieldFactory.Create("node", GraphTypeRegistry.NonNull(node), c => Item(c.Source).Document));

        var connection = new ObjectGraphType { Name = TypeNames.Connection(collection), Description = $"A page of {collection.Name} documents." };
        connection.AddField(FieldFactory.Create("edges", GraphTypeRegistry.NonNullListOfNonNull(edge), c => Page(c.Source).Items));
        connection.AddField(FieldFactory.Create("nodes", GraphTypeRegistry.NonNullListOfNonNull(node), c => Page(c.Source).Items.Select(i => i.Document).ToList()));
        connection.AddField(FieldFactory.Create("pageInfo", GraphTypeRegistry.NonNull(PageInfo), c => PageInfoValues.From(Page(c.Source))));
        connection.AddField(FieldFactory.Create(
            "totalCount",
            GraphTypeRegistry.NonNull(registry.Int),
            c => Page(c.Source).TotalCount ?? 0,
            "How many documents match the filter, across all pages; computed only when selected."));
        registry.Add(edge);
        registry.Add(connection);
    }

    private ObjectGraphType CreatePageInfo()
    {
        var pageInfo = new ObjectGraphType { Name = TypeNames.PageInfo, Description = "Where a page is within the whole result." };
        var nonNullBoolean = GraphTypeRegistry.NonNull(registry.Boolean);
        pageInfo.AddField(FieldFactory.Create("hasNextPage", nonNullBoolean, c => Info(c.Source).HasNextPage));
        pageInfo.AddField(FieldFactory.Create("hasPreviousPage", nonNullBoolean, c => Info(c.Source).HasPreviousPage));
        pageInfo.AddField(FieldFactory.Create("startCursor", registry.String, c => Info(c.Source).StartCursor));
        pageInfo.AddField(FieldFactory.Create("endCursor", registry.String, c => Info(c.Source).EndCursor));
        return pageInfo;
    }

    private static DocumentPage Page(object? source) => (DocumentPage)source!;

    private static PageInfoValues Info(object? source) => (PageInfoValues)source!;

    private static PageItem Item(object? source) => (PageItem)source!;
}
