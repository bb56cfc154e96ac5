using CollectionStore.Authorization.Rules;

namespace CollectionStore.Api.Access;

/// <summary>
/// Thrown by a write's guard inside its transaction when the rules refuse it, so nothing is written.
/// <see cref="Unreadable"/>: the subject may not even read the stored document, so the refusal must look like
/// NOT_FOUND; <see cref="Reason"/> is what the audit log records.
/// </summary>
internal sealed class WriteDeniedException(string collection, string id, AccessAction action, string reason, bool unreadable)
    : Exception($"{action} of {collection} '{id}' denied: {reason}")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;

    public AccessAction Action { get; } = action;

    public string Reason { get; } = reason;

    public bool Unreadable { get; } = unreadable;
}
