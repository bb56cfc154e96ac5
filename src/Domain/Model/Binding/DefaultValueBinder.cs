namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// Applies the checked <c>@default</c> values to bound fields. Embedded types are finished on first
/// use, so an embedded default can be completed with the nested type's own defaults (the cycle
/// check has already run, so this terminates).
/// </summary>
internal sealed class DefaultValueBinder
{
    private readonly ModelSymbols _symbols;
    private readonly IReadOnlyDictionary<string, EnumDefinition> _enums;
    private readonly IReadOnlyDictionary<string, BoundObjectType> _embedded;
    private readonly Dictionary<string, EmbeddedTypeDefinition> _finished = new(StringComparer.Ordinal);

    public DefaultValueBinder(
        ModelSymbols symbols,
        IReadOnlyDictionary<string, EnumDefinition> enums,
        IReadOnlyDictionary<string, BoundObjectType> embedded)
    {
        _symbols = symbols;
        _enums = enums;
        _embedded = embedded;
    }

    /// <summary>The embedded type with its fields' defaults applied.</summary>
    public EmbeddedTypeDefinition Embedded(string name)
    {
        if (!_finished.TryGetValue(name, out var definition))
        {
            var bound = _embedded[name];
            definition = new EmbeddedTypeDefinition(name, Apply(bound), bound.Syntax.Location);
            _finished[name] = definition;
        }

        return definition;
    }

    /// <summary>The stored fields of a bound type with their defaults checked and applied.</summary>
    public IReadOnlyList<FieldDefinition> Apply(BoundObjectType type) =>
        [.. type.Fields.Select(field => field.HasDefault ? WithDefault(type, field) : field)];

    private FieldDefinition WithDefault(BoundObjectType type, FieldDefinition field)
    {
        var syntax = type.Syntax.Fields.First(f => string.Equals(f.Name, field.Name, StringComparison.Ordinal));
        var argument = syntax.FindDirective(DirectiveCatalog.Default)!.FindArgument("value")!;
        var coercer = new DefaultValueCoercer(
            name => _enums[name],
            Embedded,
            reason => _symbols.Error(argument.ValueLocation, $"Invalid @default for '{type.Syntax.Name}.{field.Name}' of type {field.Type}: {reason}."));
        return field with { Default = coercer.Coerce(argument.Value, field.Type) };
    }
}
