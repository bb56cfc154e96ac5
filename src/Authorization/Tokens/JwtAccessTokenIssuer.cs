using System.Security.Cryptography;
using CollectionStore.Authorization.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// Signs built-in access tokens: header <c>typ</c> <c>at+jwt</c> with the key's <c>kid</c>; claims sub, sid, roles
/// (always a JSON array), iss, aud, iat, nbf, exp and a random jti. Times come from the injected clock in whole
/// seconds, so <see cref="AccessToken.ExpiresAt"/> equals the <c>exp</c> claim exactly.
/// </summary>
internal sealed class JwtAccessTokenIssuer : IAccessTokenIssuer
{
    private readonly SigningKeys _keys;
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtAccessTokenIssuer(SigningKeys keys, AuthOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            throw new AuthConfigurationException("Auth:AccessTokenLifetime must be positive.");
        }

        _keys = keys;
        _options = options;
        _time = time;
    }

    public AccessToken Issue(UserAccount user, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);

        var now = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + TimeSpan.FromSeconds(Math.Max(1, (long)_options.AccessTokenLifetime.TotalSeconds));
        var tokenId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = AccessTokenClaims.TokenType,
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _keys.Credentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [AccessTokenClaims.Subject] = user.Id,
                [AccessTokenClaims.SessionId] = sessionId,
                [AccessTokenClaims.Roles] = user.Roles.ToArray(),
                [AccessTokenClaims.TokenId] = tokenId,
            },
        };
        return new AccessToken(_handler.CreateToken(descriptor), tokenId, expires);
    }
}
