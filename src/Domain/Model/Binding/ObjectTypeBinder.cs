using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// Checks the fields of one object type: names, directives, types and where <c>@index</c>,
/// <c>@unique</c> and relations may appear.
/// </summary>
internal static class ObjectTypeBinder
{
    public static BoundObjectType Bind(SdlObjectType type, ModelSymbols symbols)
    {
        DirectiveCatalog.Check(type.Directives, DirectiveSite.ObjectType, symbols.FilePath);
        var isCollection = symbols.Find(type.Name) == TypeCategory.Collection;
        if (!isCollection && type.Directives.Count > 0)
        {
            var directive = type.Directives[0];
            throw symbols.Error(directive.Location, $"Directive '@{directive.Name}' is only supported on @collection types; '{type.Name}' is an embedded type.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<FieldDefinition>();
        var relations = new List<SdlField>();
        foreach (var field in type.Fields)
        {
            CheckName(type, field, isCollection, names, symbols);
            DirectiveCatalog.Check(field.Directives, DirectiveSite.Field, symbols.FilePath);
            if (IsRelation(type, field, isCollection, symbols))
            {
                relations.Add(field);
            }
            else
            {
                fields.Add(BindStoredField(field, isCollection, symbols));
            }
        }

        return new BoundObjectType(type, isCollection, fields, relations);
    }

    private static void CheckName(SdlObjectType type, SdlField field, bool isCollection, HashSet<string> names, ModelSymbols symbols)
    {
        if (!names.Add(field.Name))
        {
            throw symbols.Error(field.Location, $"The type '{type.Name}' declares the field '{field.Name}' twice.");
        }

        if (isCollection && SystemFields.All.Contains(field.Name))
        {
            throw symbols.Error(field.Location, $"The field '{field.Name}' is a system field every collection has; choose another name.");
        }

        if (field.Name.StartsWith("__", StringComparison.Ordinal))
        {
            throw symbols.Error(field.Location, $"The field name '{field.Name}' is reserved by GraphQL introspection.");
        }
    }

    private static bool IsRelation(SdlObjectType type, SdlField field, bool isCollection, ModelSymbols symbols)
    {
        var relation = field.FindDirective(DirectiveCatalog.BelongsTo) ?? field.FindDirective(DirectiveCatalog.HasMany);
        if (symbols.Find(field.Type.Name) != TypeCategory.Collection)
        {
            if (relation is not null)
            {
                // An unknown type is the more useful error when both apply.
                FieldTypeResolver.Resolve(field.Type, symbols);
                throw symbols.Error(relation.Location, $"'@{relation.Name}' needs a field whose type is a @collection type, but '{field.Name}' has type '{field.Type.Name}'.");
            }

            return false;
        }

        if (!isCollection)
        {
            throw symbols.Error(field.Type.Location, $"The embedded type '{type.Name}' cannot refer to the collection '{field.Type.Name}'; relations are only supported on collections.");
        }

        if (relation is null)
        {
            throw symbols.Error(field.Location, $"The field '{field.Name}' has the collection type '{field.Type.Name}'; declare the relation with @belongsTo(field: ...) or @hasMany(field: ...).");
        }

        if (field.FindDirective(DirectiveCatalog.HasMany) is { } second && relation.Name == DirectiveCatalog.BelongsTo)
        {
            throw symbols.Error(second.Location, $"The field '{field.Name}' cannot have both @belongsTo and @hasMany.");
        }

        if (field.Directives.FirstOrDefault(IsStorageDirective) is { } storage)
        {
            throw symbols.Error(storage.Location, $"'@{storage.Name}' is not supported on the relation field '{field.Name}'.");
        }

        return true;
    }

    private static FieldDefinition BindStoredField(SdlField field, bool isCollection, ModelSymbols symbols)
    {
        var type = FieldTypeResolver.Resolve(field.Type, symbols);
        var indexed = CheckIndexable(field, DirectiveCatalog.Index, type, isCollection, symbols);
        var unique = CheckIndexable(field, DirectiveCatalog.Unique, type, isCollection, symbols);
        var hasDefault = field.FindDirective(DirectiveCatalog.Default) is not null;
        return new FieldDefinition(field.Name, type, indexed, unique, null, hasDefault, field.Location)
        {
            Directives = [.. field.Directives.Select(d => d.ToUse())],
        };
    }

    private static bool CheckIndexable(SdlField field, string directiveName, FieldType type, bool isCollection, ModelSymbols symbols)
    {
        if (field.FindDirective(directiveName) is not { } directive)
        {
            return false;
        }

        string? problem = null;
        if (!isCollection)
        {
            problem = "fields of embedded types";
        }
        else if (type.IsList)
        {
            problem = $"list fields such as '{field.Name}: {type}'";
        }
        else if (type.Kind == FieldKind.Embedded)
        {
            problem = $"embedded object fields such as '{field.Name}: {type}'";
        }

        return problem is null
            ? true
            : throw symbols.Error(directive.Location, $"'@{directiveName}' is not supported on {problem}; use it on a scalar or enum field of a collection.");
    }

    private static bool IsStorageDirective(SdlDirective directive) =>
        directive.Name is DirectiveCatalog.Index or DirectiveCatalog.Unique or DirectiveCatalog.Default;
}
