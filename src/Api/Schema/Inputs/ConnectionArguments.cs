using CollectionStore.Api.Schema.Types;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Inputs;

/// <summary>
/// The arguments of every connection field (<c>where, order, first, after, last, before</c>) and their
/// conversion into a <see cref="DocumentQuery"/>, with the page-size rules of <see cref="PagingOptions"/>.
/// </summary>
internal sealed class ConnectionArguments(
    GraphTypeRegistry registry,
    FilterInputTypes filters,
    SortInputTypes sorts,
    FilterInputConverter filterConverter,
    PagingOptions paging)
{
    public QueryArguments Create(CollectionDefinition collection) => new(
        FieldFactory.Argument("where", filters.For(collection.Name)),
        FieldFactory.Argument("order", GraphTypeRegistry.ListOf(GraphTypeRegistry.NonNull(sorts.For(collection)))),
        FieldFactory.Argument("first", registry.Int, "Returns the first n documents after 'after'."),
        FieldFactory.Argument("after", registry.String),
        FieldFactory.Argument("last", registry.Int, "Returns the last n documents before 'before'."),
        FieldFactory.Argument("before", registry.String));

    public DocumentQuery Build(IResolveFieldContext context, CollectionDefinition collection)
    {
        var filter = filterConverter.Convert(collection, Raw(context, "where"));
        var sort = SortInputConverter.Convert(Raw(context, "order"));
        return new DocumentQuery(collection.Name, filter, sort, BuildPage(context), SelectsTotalCount(context));
    }

    private PageRequest BuildPage(IResolveFieldContext context)
    {
        var first = CheckSize("first", Raw(context, "first") as int?);
        var last = CheckSize("last", Raw(context, "last") as int?);
        var after = Raw(context, "after") as string;
        var before = Raw(context, "before") as string;
        if (first is null && last is null)
        {
            // Without a size, page in the direction the cursors point to.
            if (before is not null && after is null)
            {
                last = paging.DefaultPageSize;
            }
            else
            {
                first = paging.DefaultPageSize;
            }
        }

        return new PageRequest(first, after, last, before);
    }

    private int? CheckSize(string argument, int? size)
    {
        if (size < 0)
        {
            throw SchemaErrors.InvalidInput($"'{argument}' cannot be negative.");
        }

        if (size > paging.MaxPageSize)
        {
            throw SchemaErrors.PageSizeExceeded(argument, size.Value, paging.MaxPageSize);
        }

        return size;
    }

    private static bool SelectsTotalCount(IResolveFieldContext context) =>
        context.SubFields?.Values.Any(selected => selected.FieldType.Name == "totalCount") == true;

    private static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
