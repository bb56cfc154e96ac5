using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// The directives a model may use and the checks every use passes: known name, allowed place,
/// known and required arguments, no repeats. <c>@role</c> and <c>@allow</c> are only kept here;
/// the authorization feature interprets them.
/// </summary>
internal static class DirectiveCatalog
{
    public const string Collection = "collection";
    public const string Index = "index";
    public const string Unique = "unique";
    public const string Default = "default";
    public const string BelongsTo = "belongsTo";
    public const string HasMany = "hasMany";
    public const string Role = "role";
    public const string Allow = "allow";

    private static readonly Dictionary<string, DirectiveSpec> Specs = new DirectiveSpec[]
    {
        new(Collection, Sites(DirectiveSite.ObjectType), [], [], false),
        new(Index, Sites(DirectiveSite.Field), [], [], false),
        new(Unique, Sites(DirectiveSite.Field), [], [], false),
        new(Default, Sites(DirectiveSite.Field), ["value"], ["value"], false),
        new(BelongsTo, Sites(DirectiveSite.Field), ["field"], ["field"], false),
        new(HasMany, Sites(DirectiveSite.Field), ["field"], ["field"], false),
        new(Role, Sites(DirectiveSite.Schema), ["name", "inherits"], ["name"], true),
        new(Allow, Sites(DirectiveSite.ObjectType, DirectiveSite.Field), null, [], true),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Checks every directive written at one place; throws <see cref="ModelException"/> on the first problem.</summary>
    public static void Check(IReadOnlyList<SdlDirective> directives, DirectiveSite site, string filePath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var spec = Find(directive, filePath);
            if (!spec.Sites.Contains(site))
            {
                throw new ModelException(filePath, directive.Location, $"Directive '@{spec.Name}' cannot be used on {Describe(site)}; it belongs on {string.Join(" or ", spec.Sites.Select(Describe))}.");
            }

            if (!seen.Add(spec.Name) && !spec.Repeatable)
            {
                throw new ModelException(filePath, directive.Location, $"Directive '@{spec.Name}' is repeated; it may appear only once on {Describe(site)}.");
            }

            CheckArguments(directive, spec, filePath);
        }
    }

    private static DirectiveSpec Find(SdlDirective directive, string filePath)
    {
        if (Specs.TryGetValue(directive.Name, out var spec))
        {
            return spec;
        }

        var known = string.Join(", ", Specs.Keys.Select(k => "@" + k));
        throw new ModelException(filePath, directive.Location, $"Unknown directive '@{directive.Name}'. Supported directives: {known}.");
    }

    private static void CheckArguments(SdlDirective directive, DirectiveSpec spec, string filePath)
    {
        if (spec.Arguments is { } allowed)
        {
            foreach (var argument in directive.Arguments)
            {
                if (!allowed.Contains(argument.Name, StringComparer.Ordinal))
                {
                    var expected = allowed.Count == 0
                        ? "it takes no arguments"
                        : "its arguments are " + string.Join(", ", allowed.Select(a => $"'{a}'"));
                    throw new ModelException(filePath, argument.Location, $"Directive '@{spec.Name}' has no argument '{argument.Name}'; {expected}.");
                }
            }
        }

        foreach (var required in spec.RequiredArguments)
        {
            if (directive.FindArgument(required) is null)
            {
                throw new ModelException(filePath, directive.Location, $"Directive '@{spec.Name}' requires the argument '{required}'.");
            }
        }
    }

    private static HashSet<DirectiveSite> Sites(params DirectiveSite[] sites) => [.. sites];

    private static string Describe(DirectiveSite site) => site switch
    {
        DirectiveSite.Schema => "'extend schema'",
        DirectiveSite.ObjectType => "a type",
        DirectiveSite.EnumType => "an enum",
        DirectiveSite.EnumValue => "an enum value",
        _ => "a field",
    };
}
