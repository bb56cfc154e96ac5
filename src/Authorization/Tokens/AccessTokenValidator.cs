using System.Security.Claims;
using System.Text;
using CollectionStore.Authorization.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// Validates access tokens for every transport. Refusals come back as short client-safe reasons. Order: size cap
/// (before any parsing), compact shape and pinned algorithm (<see cref="CompactTokenHeader"/>), then signature,
/// issuer, audience and lifetime by the token library with the configured skew and the injected clock, then the
/// claims this server needs (sub; sid for built-in tokens).
/// </summary>
internal sealed class AccessTokenValidator : IAccessTokenValidator
{
    private readonly JsonWebTokenHandler _handler;
    private readonly TokenValidationParameters _parameters;
    private readonly IReadOnlyCollection<string> _algorithms;
    private readonly ExternalIssuerMetadata? _metadata;
    private readonly string _roleClaim;
    private readonly int _maxTokenBytes;
    private readonly TimeProvider _time;

    private AccessTokenValidator(AuthOptions options, TimeProvider time, IReadOnlyCollection<string> algorithms, ExternalIssuerMetadata? metadata)
    {
        if (options.ClockSkew < TimeSpan.Zero)
        {
            throw new AuthConfigurationException("Auth:ClockSkew must not be negative.");
        }

        if (options.MaxTokenBytes <= 0)
        {
            throw new AuthConfigurationException("Auth:MaxTokenBytes must be positive.");
        }

        _time = time;
        _algorithms = algorithms;
        _metadata = metadata;
        _roleClaim = metadata is null ? AccessTokenClaims.Roles : options.RoleClaim;
        _maxTokenBytes = options.MaxTokenBytes;
        ClockSkew = options.ClockSkew;
        _handler = new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = options.MaxTokenBytes };
        _parameters = new TokenValidationParameters
        {
            ValidAlgorithms = algorithms,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidIssuer = metadata is null ? options.Issuer : null,
            ValidateAudience = true,
            RequireAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            LifetimeValidator = ValidateLifetime,
            ValidateTokenReplay = false,
            SaveSigninToken = false,
            LogTokenId = false,
        };
    }

    public TimeSpan ClockSkew { get; }

    /// <summary>Validates tokens this server issued: the one algorithm and key of <paramref name="keys"/>, iss, aud, typ at+jwt, sid.</summary>
    public static AccessTokenValidator ForBuiltIn(SigningKeys keys, AuthOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var validator = new AccessTokenValidator(options, time, [keys.Algorithm], metadata: null);
        validator._parameters.IssuerSigningKey = keys.ValidationKey;
        return validator;
    }

    /// <summary>
    /// Validates tokens of the external issuer <see cref="AuthOptions.Authority"/>: keys from its JWKS, iss from its
    /// discovery document, aud <see cref="AuthOptions.Audience"/>, RS256 or ES256 only, roles from
    /// <see cref="AuthOptions.RoleClaim"/>.
    /// </summary>
    public static AccessTokenValidator ForAuthority(AuthOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            throw new AuthConfigurationException("Auth:Authority is not set.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience) || string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            throw new AuthConfigurationException("With Auth:Authority, Auth:Audience and Auth:RoleClaim must be set.");
        }

        return new AccessTokenValidator(
            options, time, [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256], new ExternalIssuerMetadata(options, http));
    }

    public async ValueTask<TokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return TokenValidation.Invalid(TokenFailures.Malformed);
        }

        // Length first: nothing below may spend time or memory on an oversized token.
        if (token.Length > _maxTokenBytes || Encoding.UTF8.GetByteCount(token) > _maxTokenBytes)
        {
            return TokenValidation.Invalid(TokenFailures.TooLarge);
        }

        var headerFailure = CompactTokenHeader.Check(token, _algorithms, requireAccessTokenType: _metadata is null);
        if (headerFailure is not null)
        {
            return TokenValidation.Invalid(headerFailure);
        }

        var result = _metadata is null
            ? await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false)
            : await ValidateExternalAsync(token, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return TokenValidation.Invalid(TokenFailures.IssuerUnavailable);
        }

        return result.IsValid && result.SecurityToken is JsonWebToken jwt
            ? ReadClaims(jwt)
            : TokenValidation.Invalid(TokenFailures.From(result.Exception));
    }

    private async Task<TokenValidationResult?> ValidateExternalAsync(string token, CancellationToken cancellationToken)
    {
        var issuer = await _metadata!.GetAsync(cancellationToken).ConfigureAwait(false);
        if (issuer is null)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, WithIssuer(issuer)).ConfigureAwait(false);
        if (result.IsValid || result.Exception is not SecurityTokenSignatureKeyNotFoundException)
        {
            return result;
        }

        // An unknown kid may be a rotated key: fetch the JWKS again (rate-bounded) and retry once with fresh keys.
        _metadata.RequestRefresh();
        var refreshed = await _metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        return refreshed is null || ReferenceEquals(refreshed.Source, issuer.Source)
            ? result
            : await _handler.ValidateTokenAsync(token, WithIssuer(refreshed)).ConfigureAwait(false);
    }

    private TokenValidationParameters WithIssuer(ExternalIssuerMetadata.IssuerKeys issuer)
    {
        var parameters = _parameters.Clone();
        parameters.ValidIssuer = issuer.Issuer;
        parameters.IssuerSigningKeys = issuer.Keys;
        return parameters;
    }

    private TokenValidation ReadClaims(JsonWebToken jwt)
    {
        var subject = StringClaim(jwt, AccessTokenClaims.Subject);
        if (subject is null)
        {
            return TokenValidation.Invalid(TokenFailures.NoSubject);
        }

        var sessionId = _metadata is null ? StringClaim(jwt, AccessTokenClaims.SessionId) : null;
        if (_metadata is null && sessionId is null)
        {
            return TokenValidation.Invalid(TokenFailures.NoSession);
        }

        var roles = jwt.Claims
            .Where(claim => claim.Type == _roleClaim && claim.ValueType == ClaimValueTypes.String && claim.Value.Length > 0)
            .Select(claim => claim.Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var issuedAt = jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat)
            ? DateTimeOffset.FromUnixTimeSeconds(iat)
            : (DateTimeOffset?)null;
        var tokenId = string.IsNullOrEmpty(jwt.Id) ? null : jwt.Id;
        return TokenValidation.Valid(new VerifiedToken(
            subject, sessionId, roles, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), issuedAt, tokenId, External: _metadata is not null));
    }

    // A number or object where a string belongs is refused rather than turned into text.
    private static string? StringClaim(JsonWebToken jwt, string name) =>
        jwt.TryGetClaim(name, out var claim) && claim.ValueType == ClaimValueTypes.String && !string.IsNullOrWhiteSpace(claim.Value)
            ? claim.Value
            : null;

    // The library's own check reads the wall clock; this one reads the injected clock with exactly the configured skew.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException(TokenFailures.NoExpiry);
        }

        if (notBefore is not null && notBefore > expires)
        {
            throw new SecurityTokenInvalidLifetimeException(TokenFailures.BadLifetime);
        }

        if (notBefore is not null && notBefore.Value > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException(TokenFailures.NotYetValid);
        }

        if (expires.Value + ClockSkew < now)
        {
            throw new SecurityTokenExpiredException(TokenFailures.Expired);
        }

        return true;
    }
}
