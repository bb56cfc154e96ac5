using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Roles;

/// <summary>
/// Builds the <see cref="RoleHierarchy"/> from the model's <c>@role</c> directives: names must be unique and not
/// built in, inherited roles must be declared (or <c>admin</c>), and inheritance must not form a cycle.
/// </summary>
internal static class RoleCompiler
{
    public static RoleHierarchy Compile(CollectionModel model, string filePath)
    {
        var declared = new Dictionary<string, (IReadOnlyList<string> Inherits, SourceLocation Location)>(StringComparer.Ordinal);
        foreach (var directive in model.SchemaDirectives.Where(d => d.Name == "role"))
        {
            var name = RoleName(directive.GetArgument("name"), directive, filePath, "name");
            if (name is RoleHierarchy.Admin or RoleHierarchy.Anonymous)
            {
                throw new ModelException(filePath, directive.Location, $"The role '{name}' is built in and cannot be declared.");
            }

            var inherits = Names(directive, filePath);
            if (!declared.TryAdd(name, (inherits, directive.Location)))
            {
                throw new ModelException(filePath, directive.Location, $"The role '{name}' is declared twice.");
            }
        }

        foreach (var (name, (inherits, location)) in declared)
        {
            foreach (var parent in inherits.Where(p => p != RoleHierarchy.Admin && !declared.ContainsKey(p)))
            {
                throw new ModelException(filePath, location, $"The role '{name}' inherits the unknown role '{parent}'.");
            }
        }

        var closure = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            [RoleHierarchy.Admin] = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var name in declared.Keys)
        {
            closure[name] = Inherited(name, declared, filePath);
        }

        return new RoleHierarchy(closure);
    }

    // Depth-first walk of the inheritance graph; meeting the start role again is a cycle.
    private static HashSet<string> Inherited(
        string role,
        Dictionary<string, (IReadOnlyList<string> Inherits, SourceLocation Location)> declared,
        string filePath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(declared[role].Inherits);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next == role)
            {
                throw new ModelException(filePath, declared[role].Location, $"The role '{role}' inherits itself through a cycle.");
            }

            if (seen.Add(next) && declared.TryGetValue(next, out var parent))
            {
                foreach (var inherited in parent.Inherits)
                {
                    pending.Push(inherited);
                }
            }
        }

        return seen;
    }

    private static List<string> Names(DirectiveUse directive, string filePath)
    {
        return directive.GetArgument("inherits") switch
        {
            null => [],
            JsonArray list => [.. list.Select(item => RoleName(item, directive, filePath, "inherits"))],
            var single => [RoleName(single, directive, filePath, "inherits")],
        };
    }

    private static string RoleName(JsonNode? node, DirectiveUse directive, string filePath, string argument) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0
            ? value.GetValue<string>()
            : throw new ModelException(filePath, directive.Location, $"The argument '{argument}' of '@role' must name roles with non-empty strings.");
}
