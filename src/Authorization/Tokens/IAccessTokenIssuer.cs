using CollectionStore.Authorization.Identity;

namespace CollectionStore.Authorization.Tokens;

/// <summary>Signs access tokens (<c>typ</c> <c>at+jwt</c>; claims sub, sid, roles, iss, aud, exp, iat, jti).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(UserAccount user, string sessionId);
}
