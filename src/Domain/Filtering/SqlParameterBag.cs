namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The parameters of one SQL statement being built. Filter and cursor values are always bound through it,
/// never written into the SQL text. Values are <see cref="long"/>, <see cref="double"/> or <see cref="string"/> for
/// SQLite, and in the type the value compares as for PostgreSQL (also <see cref="decimal"/> and <see cref="bool"/>);
/// the evaluators never bind a null (they write <c>IS NULL</c> instead).
/// </summary>
public sealed class SqlParameterBag
{
    private readonly List<(string Name, object? Value)> _items = [];

    /// <summary>The parameters added so far, in order.</summary>
    public IReadOnlyList<(string Name, object? Value)> Items => _items;

    /// <summary>Adds a value and returns its fresh parameter name (<c>@p0</c>, <c>@p1</c>, …).</summary>
    public string Add(object? value)
    {
        var name = "@p" + _items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _items.Add((name, value));
        return name;
    }
}
