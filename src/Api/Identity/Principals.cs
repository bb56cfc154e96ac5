using System.Security.Claims;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tokens;

namespace CollectionStore.Api.Identity;

/// <summary>
/// The one shape of an authenticated caller inside the server: a <see cref="ClaimsPrincipal"/> built only from a
/// verified token (claims <c>sub</c>, <c>sid</c>, one <c>roles</c> claim per role). Anonymous callers have none.
/// </summary>
internal static class Principals
{
    public const string AuthenticationType = "Bearer";
    public const string SubjectClaim = "sub";
    public const string SessionClaim = "sid";
    public const string RoleClaim = "roles";

    public static ClaimsPrincipal Create(VerifiedToken token, IReadOnlyList<string> roles)
    {
        var claims = new List<Claim> { new(SubjectClaim, token.Subject) };
        if (token.SessionId is { } sessionId)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        claims.AddRange(roles.Select(role => new Claim(RoleClaim, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, SubjectClaim, RoleClaim));
    }

    public static string? UserId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(SubjectClaim)?.Value : null;

    public static string? SessionId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(SessionClaim)?.Value : null;

    public static IReadOnlyList<string> Roles(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? [.. user.FindAll(RoleClaim).Select(c => c.Value)] : [];

    /// <summary>The caller as the identity service sees it; null for anonymous callers.</summary>
    public static Actor? ToActor(ClaimsPrincipal? user) =>
        UserId(user) is { } userId ? new Actor(userId, SessionId(user), Roles(user)) : null;
}
