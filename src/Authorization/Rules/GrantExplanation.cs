namespace CollectionStore.Authorization.Rules;

/// <summary>
/// One grant as an access check saw it: its position among the collection's grants (-1 for the built-in
/// <c>admin</c> rule), how it reads in the model with its location, whether it matched, and otherwise why not
/// (<c>action not covered</c>, <c>subject lacks role member</c>, <c>document does not satisfy where</c> …).
/// </summary>
public sealed record GrantExplanation(int Index, string Description, bool Matched, string? Reason);
