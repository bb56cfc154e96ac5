using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tokens;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>Issues readable stand-in access tokens; signing is the token issuer's business, tested on its own.</summary>
internal sealed class TestAccessTokenIssuer(AuthOptions options, TimeProvider time) : IAccessTokenIssuer
{
    public AccessToken Issue(UserAccount user, string sessionId)
    {
        var id = Guid.NewGuid().ToString("N");
        return new AccessToken($"access.{user.Id}.{sessionId}.{id}", id, time.GetUtcNow() + options.AccessTokenLifetime);
    }
}
