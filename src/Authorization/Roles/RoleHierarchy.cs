namespace CollectionStore.Authorization.Roles;

/// <summary>
/// The roles a model declares with <c>extend schema @role(name:, inherits:)</c> and what each one inherits,
/// transitively. <see cref="Admin"/> and <see cref="Anonymous"/> are built in: <c>admin</c> may do everything,
/// <c>anonymous</c> is the pseudo-role every caller has, signed in or not.
/// </summary>
public sealed class RoleHierarchy
{
    /// <summary>The built-in role that may do everything.</summary>
    public const string Admin = "admin";

    /// <summary>The built-in pseudo-role of every caller, signed in or not.</summary>
    public const string Anonymous = "anonymous";

    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _closure;

    internal RoleHierarchy(IReadOnlyDictionary<string, IReadOnlySet<string>> closure)
    {
        _closure = closure;
    }

    /// <summary>The declared roles (without the built-in ones), in ordinal order.</summary>
    public IReadOnlyList<string> Declared => [.. _closure.Keys.Where(r => r != Admin).Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="role"/> is declared or built in.</summary>
    public bool IsKnown(string role) => role == Anonymous || _closure.ContainsKey(role);

    /// <summary>
    /// The roles together with every role they inherit, transitively, distinct and in ordinal order. Roles the
    /// model does not declare (a stale role of a user) are kept as they are; they inherit nothing.
    /// </summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var expanded = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            expanded.Add(role);
            if (_closure.TryGetValue(role, out var inherited))
            {
                expanded.UnionWith(inherited);
            }
        }

        return [.. expanded];
    }
}
