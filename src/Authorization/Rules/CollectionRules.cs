using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// The compiled grants of one collection: the type-level <c>@allow</c>s and, per field (stored or relation),
/// the field-level ones that restrict it further.
/// </summary>
internal sealed record CollectionRules(
    CollectionDefinition Collection,
    IReadOnlyList<Grant> Grants,
    IReadOnlyDictionary<string, IReadOnlyList<Grant>> FieldGrants)
{
    /// <summary>Every field a grant may reveal: stored fields and relations (system fields are always readable).</summary>
    public IEnumerable<string> AllFields => Collection.Fields.Select(f => f.Name).Concat(Collection.Relations.Select(r => r.Name));
}
