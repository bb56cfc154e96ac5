using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// Binds <c>@belongsTo</c>/<c>@hasMany</c> fields once every collection's stored fields are known:
/// the shape of the relation's type and the foreign key field it names.
/// </summary>
internal static class RelationBinder
{
    public static List<RelationDefinition> Bind(
        BoundObjectType owner,
        IReadOnlyDictionary<string, BoundObjectType> collections,
        ModelSymbols symbols)
    {
        var relations = new List<RelationDefinition>();
        foreach (var field in owner.RelationFields)
        {
            var belongsTo = field.FindDirective(DirectiveCatalog.BelongsTo);
            var relation = belongsTo is not null
                ? BindBelongsTo(owner, field, belongsTo, symbols)
                : BindHasMany(field, field.FindDirective(DirectiveCatalog.HasMany)!, collections, symbols);
            relations.Add(relation with { Directives = [.. field.Directives.Select(d => d.ToUse())] });
        }

        return relations;
    }

    private static RelationDefinition BindBelongsTo(BoundObjectType owner, SdlField field, SdlDirective directive, ModelSymbols symbols)
    {
        if (field.Type.IsList)
        {
            throw symbols.Error(field.Type.Location, $"'@belongsTo' resolves one document, so '{field.Name}' must have the type '{field.Type.Name}', not a list; use '@hasMany' for lists.");
        }

        var (keyName, keyLocation) = ForeignKeyName(directive, symbols);
        var key = owner.Fields.FirstOrDefault(f => string.Equals(f.Name, keyName, StringComparison.Ordinal))
            ?? throw symbols.Error(keyLocation, $"'@belongsTo' names the foreign key field '{keyName}', but the collection '{owner.Syntax.Name}' has no stored field '{keyName}'.");
        CheckKeyType(key, owner.Syntax.Name, keyLocation, symbols);
        if (field.Type.NonNull && !key.Type.NonNull)
        {
            throw symbols.Error(field.Type.Location, $"The relation '{field.Name}' is non-null but its foreign key '{keyName}' is nullable; make both nullable or both non-null.");
        }

        return new RelationDefinition(field.Name, RelationKind.BelongsTo, field.Type.Name, keyName, field.Type.NonNull, field.Location);
    }

    private static RelationDefinition BindHasMany(
        SdlField field,
        SdlDirective directive,
        IReadOnlyDictionary<string, BoundObjectType> collections,
        ModelSymbols symbols)
    {
        if (!field.Type.IsList)
        {
            throw symbols.Error(field.Type.Location, $"'@hasMany' resolves many documents, so '{field.Name}' must have a list type such as '[{field.Type.Name}!]!'.");
        }

        var (keyName, keyLocation) = ForeignKeyName(directive, symbols);
        var target = collections[field.Type.Name];
        var key = target.Fields.FirstOrDefault(f => string.Equals(f.Name, keyName, StringComparison.Ordinal))
            ?? throw symbols.Error(keyLocation, $"'@hasMany' names the foreign key field '{keyName}', but the collection '{target.Syntax.Name}' has no stored field '{keyName}'.");
        CheckKeyType(key, target.Syntax.Name, keyLocation, symbols);
        return new RelationDefinition(field.Name, RelationKind.HasMany, field.Type.Name, keyName, field.Type.NonNull, field.Location);
    }

    private static (string Name, SourceLocation Location) ForeignKeyName(SdlDirective directive, ModelSymbols symbols)
    {
        var argument = directive.FindArgument("field")!;
        if (argument.Value is not System.Text.Json.Nodes.JsonValue value
            || value.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            throw symbols.Error(argument.ValueLocation, $"The argument 'field' of '@{directive.Name}' must be a string naming the foreign key field.");
        }

        return (value.GetValue<string>(), argument.ValueLocation);
    }

    private static void CheckKeyType(FieldDefinition key, string collection, SourceLocation location, ModelSymbols symbols)
    {
        if (key.Type.IsList || key.Type.Kind != FieldKind.Scalar || key.Type.TypeName != ScalarTypes.Id)
        {
            throw symbols.Error(location, $"The foreign key field '{collection}.{key.Name}' must have the type ID or ID!, but it is '{key.Type}'.");
        }
    }
}
