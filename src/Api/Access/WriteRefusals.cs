using System.Text.Json.Nodes;
using CollectionStore.Api.Identity;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Rules;
using GraphQL;

namespace CollectionStore.Api.Access;

/// <summary>
/// Turns a refused write into what the client sees (<c>FORBIDDEN</c> naming the action, or <c>NOT_FOUND</c>
/// exactly like a missing document when the subject may not even read it) and records <c>access.denied</c>
/// with the decision's reason.
/// </summary>
internal static class WriteRefusals
{
    public static ExecutionError Refuse(IResolveFieldContext context, WriteDeniedException denied)
    {
        var audit = context.RequestServices?.GetService(typeof(IAuditLog)) as IAuditLog;
        audit?.Record(new AuditEvent(
            AuditKinds.AccessDenied,
            SubjectId: Principals.UserId(context.User),
            SessionId: Principals.SessionId(context.User),
            Detail: new JsonObject
            {
                ["collection"] = denied.Collection,
                ["id"] = denied.Id,
                ["action"] = Name(denied.Action),
                ["reason"] = denied.Reason,
            }));
        return denied.Unreadable
            ? new ExecutionError($"{denied.Collection} '{denied.Id}' was not found.") { Code = IdentityErrorCodes.NotFound }
            : new ExecutionError($"Not allowed to {Name(denied.Action).ToLowerInvariant()} this {denied.Collection}.") { Code = IdentityErrorCodes.Forbidden };
    }

    /// <summary>The action as the model and the API spell it: <c>READ</c>, <c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c>.</summary>
    public static string Name(AccessAction action) => action.ToString().ToUpperInvariant();
}
