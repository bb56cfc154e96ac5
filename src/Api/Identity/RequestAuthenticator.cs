using CollectionStore.Authorization.Tokens;

namespace CollectionStore.Api.Identity;

/// <summary>
/// The one authentication path of every transport: a presented token is validated (signature, algorithm,
/// issuer, audience, type, lifetime), then a built-in token's session must still be active and its user
/// enabled; the roles are the user's current ones, so a role change applies to old tokens at once. External
/// tokens carry their own roles. Nothing a client sends besides the token is ever read as identity.
/// </summary>
internal sealed class RequestAuthenticator(IAccessTokenValidator validator, IdentityCache cache)
{
    public const string InvalidToken = "The access token is invalid.";

    public async ValueTask<AuthenticationResult> AuthenticateAsync(BearerToken.Presented presented, CancellationToken cancellationToken)
    {
        if (presented.Problem is { } problem)
        {
            return AuthenticationResult.Refused(problem);
        }

        if (presented.Token is not { } token)
        {
            return AuthenticationResult.Anonymous;
        }

        var validation = await validator.ValidateAsync(token, cancellationToken);
        if (validation.Token is not { } verified)
        {
            return AuthenticationResult.Refused(validation.Failure ?? InvalidToken);
        }

        var endsAt = verified.ExpiresAt + validator.ClockSkew;
        if (verified.External || verified.SessionId is null)
        {
            return new AuthenticationResult(Principals.Create(verified, verified.Roles), Failure: null, endsAt);
        }

        if (!await cache.IsSessionActiveAsync(verified.SessionId, cancellationToken))
        {
            return AuthenticationResult.Refused("The session of this access token has ended.");
        }

        var user = await cache.FindUserAsync(verified.Subject, cancellationToken);
        if (user is null || user.Disabled)
        {
            return AuthenticationResult.Refused("The user of this access token is disabled or no longer exists.");
        }

        return new AuthenticationResult(Principals.Create(verified, user.Roles), Failure: null, endsAt);
    }
}
