using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The generated type names, following HotChocolate.Data: <c>TasksConnection</c>, <c>TaskFilterInput</c>,
/// <c>StringOperationFilterInput</c>, <c>ListStringOperationFilterInput</c>, and for lists of embedded
/// objects HotChocolate's <c>ListFilterInputTypeOfLabelFilterInput</c>.
/// </summary>
internal static class TypeNames
{
    public const string PageInfo = "PageInfo";
    public const string SortEnum = "SortEnumType";

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    public static string Connection(CollectionDefinition collection) => Pascal(collection.PluralName) + "Connection";

    public static string Edge(CollectionDefinition collection) => Pascal(collection.PluralName) + "Edge";

    public static string ObjectFilter(string typeName) => typeName + "FilterInput";

    public static string ObjectListFilter(string typeName) => "ListFilterInputTypeOf" + ObjectFilter(typeName);

    public static string Sort(string typeName) => typeName + "SortInput";

    public static string CreateInput(CollectionDefinition collection) => "Create" + collection.Name + "Input";

    public static string UpdateInput(CollectionDefinition collection) => "Update" + collection.Name + "Input";

    public static string EmbeddedInput(string typeName) => typeName + "Input";

    /// <summary><c>ID</c> becomes <c>IdOperationFilterInput</c>, as HotChocolate spells it.</summary>
    public static string Operation(string scalarOrEnum) =>
        (scalarOrEnum == ScalarTypes.Id ? "Id" : scalarOrEnum) + "OperationFilterInput";

    public static string ListOperation(string scalarOrEnum) => "List" + Operation(scalarOrEnum);
}
