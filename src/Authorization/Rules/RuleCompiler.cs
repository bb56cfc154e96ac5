using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Roles;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// Compiles the <c>@allow</c> directives of every collection and field into <see cref="Grant"/>s, checking each
/// argument: <c>to</c> (known actions), <c>roles</c> (declared or built in), <c>where</c> (fields, operators,
/// values, variables) and <c>fields</c> (fields of the collection). Errors name the directive's location.
/// </summary>
internal sealed class RuleCompiler(CollectionModel model, RoleHierarchy roles, string filePath, RuleUsage usage)
{
    private const string AllowDirective = "allow";
    private static readonly HashSet<string> Arguments = new(StringComparer.Ordinal) { "to", "roles", "where", "fields" };
    private readonly string _fileName = Path.GetFileName(filePath);

    public CollectionRules Compile(CollectionDefinition collection)
    {
        var grants = Allows(collection.Directives).Select((d, i) => CompileGrant(collection, d, i, fieldLevel: false)).ToList();
        var fieldGrants = new Dictionary<string, IReadOnlyList<Grant>>(StringComparer.Ordinal);
        var fieldDirectives = collection.Fields.Select(f => (f.Name, f.Directives))
            .Concat(collection.Relations.Select(r => (r.Name, r.Directives)));
        foreach (var (name, directives) in fieldDirectives)
        {
            var compiled = Allows(directives).Select((d, i) => CompileGrant(collection, d, i, fieldLevel: true)).ToList();
            if (compiled.Count > 0)
            {
                fieldGrants[name] = compiled;
            }
        }

        return new CollectionRules(collection, grants, fieldGrants);
    }

    private static IEnumerable<DirectiveUse> Allows(IReadOnlyList<DirectiveUse> directives) =>
        directives.Where(d => d.Name == AllowDirective);

    private Grant CompileGrant(CollectionDefinition collection, DirectiveUse directive, int index, bool fieldLevel)
    {
        ModelException Error(string problem) => new(filePath, directive.Location, problem);
        foreach (var name in directive.Arguments.Keys.Where(a => !Arguments.Contains(a)))
        {
            throw Error($"Directive '@allow' has no argument '{name}'; its arguments are 'to', 'roles', 'where', 'fields'.");
        }

        var actions = Strings(directive, "to", Error) ?? throw Error("Directive '@allow' requires the argument 'to'.");
        var covered = actions.Select(a => ParseAction(a, Error)).ToHashSet();
        if (covered.Count == 0)
        {
            throw Error("The argument 'to' of '@allow' must name at least one action.");
        }

        if (fieldLevel && covered.Any(a => a is AccessAction.Create or AccessAction.Delete))
        {
            throw Error("A field-level '@allow' governs READ and UPDATE of the field only; CREATE and DELETE belong on the type.");
        }

        var grantRoles = Strings(directive, "roles", Error);
        foreach (var role in grantRoles?.Where(r => !roles.IsKnown(r)) ?? [])
        {
            throw Error($"Unknown role '{role}'; declare it with 'extend schema @role(name: \"{role}\")'.");
        }

        var where = directive.Arguments.TryGetValue("where", out var whereValue) && whereValue is not null
            ? new RuleWhereParser(model, usage, Error).Parse(collection, whereValue)
            : null;
        var fields = Fields(collection, directive, fieldLevel, Error);
        return new Grant(index, covered, grantRoles, where, fields, Describe(directive));
    }

    private static HashSet<string>? Fields(CollectionDefinition collection, DirectiveUse directive, bool fieldLevel, Func<string, ModelException> error)
    {
        var names = Strings(directive, "fields", error);
        if (names is null)
        {
            return null;
        }

        if (fieldLevel)
        {
            throw error("'fields' narrows a type-level '@allow'; a field-level '@allow' already applies to its field.");
        }

        foreach (var name in names.Where(n => collection.FindField(n) is null && collection.FindRelation(n) is null && !SystemFields.All.Contains(n)))
        {
            throw error($"The 'fields' of '@allow' name '{name}', which is not a field of {collection.Name}.");
        }

        return names.ToHashSet(StringComparer.Ordinal);
    }

    private static List<string>? Strings(DirectiveUse directive, string argument, Func<string, ModelException> error)
    {
        if (!directive.Arguments.TryGetValue(argument, out var value) || value is null)
        {
            return null;
        }

        IReadOnlyList<JsonNode?> items = value is JsonArray list ? [.. list] : [value];
        return [.. items.Select(item => item is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? text.GetValue<string>()
            : throw error($"The argument '{argument}' of '@allow' must be a list of names."))];
    }

    private static AccessAction ParseAction(string text, Func<string, ModelException> error) => text switch
    {
        "READ" => AccessAction.Read,
        "CREATE" => AccessAction.Create,
        "UPDATE" => AccessAction.Update,
        "DELETE" => AccessAction.Delete,
        _ => throw error($"Unknown action '{text}'; use READ, CREATE, UPDATE or DELETE."),
    };

    private string Describe(DirectiveUse directive)
    {
        var parts = new List<string>();
        foreach (var name in new[] { "to", "roles", "where", "fields" })
        {
            if (directive.Arguments.TryGetValue(name, out var value) && value is not null)
            {
                var text = name == "to" && value is JsonArray actions
                    ? "[" + string.Join(", ", actions.Select(a => a?.GetValue<string>())) + "]"
                    : value.ToJsonString();
                parts.Add($"{name}: {text}");
            }
        }

        return $"@allow({string.Join(", ", parts)}) at {_fileName}({directive.Location.Line},{directive.Location.Column})";
    }
}
