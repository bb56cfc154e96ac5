using System.Security.Claims;
using System.Text.Json.Nodes;
using CollectionStore.Api.Identity;
using CollectionStore.Authorization.Rules;

namespace CollectionStore.Api.Access;

/// <summary>
/// The subject the rules evaluate: for a built-in user, the user's roles and attributes as they are NOW (from the
/// identity cache, which a user-changed signal refreshes), never the token's copy; for an external token, its
/// roles; for everyone else, the anonymous subject. A user that no longer exists or is disabled is anonymous.
/// </summary>
internal sealed class AccessSubjects(IdentityCache cache)
{
    public async ValueTask<Subject> CurrentAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (Principals.UserId(user) is not { } userId)
        {
            return Subject.Anonymous;
        }

        if (Principals.SessionId(user) is null)
        {
            return External(userId, user!);
        }

        var account = await cache.FindUserAsync(userId, cancellationToken);
        return account is null || account.Disabled
            ? Subject.Anonymous
            : new Subject(account.Id, account.Roles, account.Attributes, account.Version);
    }

    /// <summary>
    /// The same for the event path, which is synchronous: a cached user answers at once; otherwise the user is read
    /// from the store (SQLite reads complete synchronously underneath, on the change source's own pump).
    /// </summary>
    public Subject Current(ClaimsPrincipal? user) =>
        CurrentAsync(user, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private static Subject External(string userId, ClaimsPrincipal user) =>
        new(userId, Principals.Roles(user), new JsonObject(), Version: 0);
}
