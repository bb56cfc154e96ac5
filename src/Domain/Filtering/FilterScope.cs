using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// What a filter node is evaluated against, as the model describes it: a document of a collection, an embedded
/// object, or a scalar list element. Both evaluators resolve fields through it so they reject the same filters.
/// </summary>
internal sealed class FilterScope
{
    private static readonly FieldType IdType = new(FieldKind.Scalar, ScalarTypes.Id, false, true, false);
    private static readonly FieldType OptionalIdType = new(FieldKind.Scalar, ScalarTypes.Id, false, false, false);
    private static readonly FieldType VersionType = new(FieldKind.Scalar, ScalarTypes.Int, false, true, false);
    private static readonly FieldType TimeType = new(FieldKind.Scalar, ScalarTypes.DateTime, false, true, false);

    private readonly CollectionModel _model;
    private readonly EmbeddedTypeDefinition? _embedded;
    private readonly FieldType? _element;

    private FilterScope(CollectionModel model, CollectionDefinition? collection, EmbeddedTypeDefinition? embedded, FieldType? element)
    {
        _model = model;
        Collection = collection;
        _embedded = embedded;
        _element = element;
    }

    /// <summary>The model the scope belongs to (related documents are resolved through it).</summary>
    public CollectionModel Model => _model;

    /// <summary>The collection when the scope is a document, otherwise null.</summary>
    public CollectionDefinition? Collection { get; }

    public static FilterScope ForCollection(CollectionModel model, CollectionDefinition collection) =>
        new(model, collection, null, null);

    /// <summary>True when <paramref name="field"/> is a system field of a document scope.</summary>
    public bool IsSystemField(string? field) => Collection is not null && field is not null && SystemFields.All.Contains(field);

    /// <summary>The declared type of the value a comparison reads: a scalar or enum field, or the list element itself.</summary>
    public FieldType ComparisonType(string? field)
    {
        if (field is null)
        {
            return _element ?? throw Invalid("A comparison without a field is only allowed on scalar list elements.");
        }

        if (IsSystemField(field))
        {
            return field switch
            {
                SystemFields.Id => IdType,
                SystemFields.Version => VersionType,
                SystemFields.CreatedAt or SystemFields.UpdatedAt => TimeType,
                _ => OptionalIdType,
            };
        }

        var definition = Field(field);
        return definition.Type.Kind != FieldKind.Embedded && !definition.Type.IsList
            ? definition.Type
            : throw Invalid($"'{field}' is not a scalar or enum field; it cannot be compared.");
    }

    /// <summary>The scope of a non-list embedded object field.</summary>
    public FilterScope Embedded(string field)
    {
        var definition = Field(field);
        return definition.Type.Kind == FieldKind.Embedded && !definition.Type.IsList
            ? new FilterScope(_model, null, EmbeddedType(definition), null)
            : throw Invalid($"'{field}' is not an embedded object field.");
    }

    /// <summary>The scope of one element of a list field.</summary>
    public FilterScope ListElement(string field)
    {
        var definition = Field(field);
        if (!definition.Type.IsList)
        {
            throw Invalid($"'{field}' is not a list field.");
        }

        return definition.Type.Kind == FieldKind.Embedded
            ? new FilterScope(_model, null, EmbeddedType(definition), null)
            : new FilterScope(_model, null, null, definition.Type);
    }

    /// <summary>True when the list field's elements are embedded objects (evaluated as object scopes).</summary>
    public bool HasObjectElements(string field) => Field(field).Type.Kind == FieldKind.Embedded;

    /// <summary>Checks that <paramref name="field"/> is a list field and returns it.</summary>
    public FieldDefinition ListField(string field)
    {
        var definition = Field(field);
        return definition.Type.IsList ? definition : throw Invalid($"'{field}' is not a list field.");
    }

    /// <summary>The <c>@belongsTo</c> relation named <paramref name="relation"/> and the collection it points at.</summary>
    public (RelationDefinition Relation, CollectionDefinition Target) BelongsTo(string relation)
    {
        var definition = Collection?.FindRelation(relation)
            ?? throw Invalid($"'{relation}' is not a relation here.");
        if (definition.Kind != RelationKind.BelongsTo)
        {
            throw Invalid($"Only @belongsTo relations can be filtered; '{relation}' is @hasMany.");
        }

        return (definition, _model.GetCollection(definition.TargetCollection));
    }

    private FieldDefinition Field(string field)
    {
        var definition = Collection?.FindField(field) ?? _embedded?.FindField(field);
        return definition ?? throw Invalid($"'{field}' is not a field of {Collection?.Name ?? _embedded?.Name ?? "a list element"}.");
    }

    private EmbeddedTypeDefinition EmbeddedType(FieldDefinition field) =>
        _model.FindEmbeddedType(field.Type.TypeName) ?? throw Invalid($"The model has no embedded type '{field.Type.TypeName}'.");

    private static ArgumentException Invalid(string message) => new(message);
}
