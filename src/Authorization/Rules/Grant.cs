using CollectionStore.Domain.Filtering;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// One compiled <c>@allow</c>: the actions it covers, the roles it requires (null = any signed-in subject), its
/// <c>where</c> with variables still unbound (null = every document), and the fields it narrows to (null = all).
/// </summary>
internal sealed record Grant(
    int Index,
    IReadOnlySet<AccessAction> Actions,
    IReadOnlyList<string>? Roles,
    FilterExpression? Where,
    IReadOnlySet<string>? Fields,
    string Description);
