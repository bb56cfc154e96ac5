using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Audit;

/// <summary>
/// Something to record in the audit log. <see cref="Detail"/> holds extra facts (close code, reason, the denied
/// action); never a token, password, reservation token or full variables.
/// </summary>
public sealed record AuditEvent(
    string Kind,
    string? SubjectId = null,
    string? SessionId = null,
    string? Address = null,
    string? Protocol = null,
    string? Origin = null,
    JsonObject? Detail = null);
