using CollectionStore.Api.Identity;
using CollectionStore.Api.Schema;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Roles;
using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Access;

/// <summary>
/// Resolves <c>explainAccess</c>: admins for any user, everyone else only for themselves. A non-admin caller gets
/// <c>NOT_FOUND</c> for a document it cannot read, exactly as for a missing one, so explaining never reveals data.
/// </summary>
internal sealed class ExplainAccessResolver(CollectionModel model, IDocumentStore store)
{
    public async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var collection = model.FindCollection(context.GetArgument<string>("collection"))
            ?? throw SchemaErrors.InvalidInput($"The model has no collection '{context.GetArgument<string>("collection")}'.");
        var id = context.GetArgument<string>("id");
        var action = Parse(context.GetArgument<string>("action"));
        var caller = await QueryAccess.ForAsync(context);
        if (caller.Rules is not { } rules)
        {
            throw new ExecutionError("Access cannot be explained without rules.") { Code = IdentityErrorCodes.Forbidden };
        }

        var isAdmin = rules.Roles.Expand(caller.Subject.Roles).Contains(RoleHierarchy.Admin);
        var subject = await SubjectAsync(context, caller.Subject, isAdmin);
        var document = await SchemaErrors.GuardAsync(() => store.GetAsync(collection.Name, id, context.CancellationToken));
        if (document is null || (!isAdmin && !rules.Decide(caller.Subject, collection.Name, AccessAction.Read, document, Related, caller.Now).Allowed))
        {
            throw new ExecutionError($"{collection.Name} '{id}' was not found.") { Code = IdentityErrorCodes.NotFound };
        }

        return rules.Decide(subject, collection.Name, action, document, Related, caller.Now);
    }

    private static async Task<Subject> SubjectAsync(IResolveFieldContext context, Subject caller, bool isAdmin)
    {
        var subjectId = context.GetArgument<string?>("subjectId");
        if (subjectId is null || subjectId == caller.Id)
        {
            return caller;
        }

        if (!isAdmin)
        {
            throw new ExecutionError("Only an admin may explain another user's access.") { Code = IdentityErrorCodes.Forbidden };
        }

        var cache = context.RequestServices?.GetService(typeof(IdentityCache)) as IdentityCache
            ?? throw new InvalidOperationException("The identity cache is not registered.");
        var account = await cache.FindUserAsync(subjectId, context.CancellationToken)
            ?? throw new ExecutionError($"User '{subjectId}' was not found.") { Code = IdentityErrorCodes.NotFound };
        return account.Disabled ? Subject.Anonymous : new Subject(account.Id, account.Roles, account.Attributes, account.Version);
    }

    private static AccessAction Parse(string action) =>
        Enum.GetValues<AccessAction>().FirstOrDefault(a => WriteRefusals.Name(a) == action) is var parsed && WriteRefusals.Name(parsed) == action
            ? parsed
            : throw SchemaErrors.InvalidInput($"'{action}' is not an action; the actions are READ, CREATE, UPDATE and DELETE.");

    // Rules that follow relations ask synchronously; SQLite reads complete synchronously underneath.
    private Document? Related(string collection, string id) =>
        store.GetAsync(collection, id, CancellationToken.None).GetAwaiter().GetResult();
}
