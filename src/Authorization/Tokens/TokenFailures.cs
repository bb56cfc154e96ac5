using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The refusal reasons a client may see. Short, fixed texts: they never echo the token, a claim value or a library
/// message (which can carry key ids or token fragments).
/// </summary>
internal static class TokenFailures
{
    public const string TooLarge = "Token is too large.";
    public const string Malformed = "Token is not a signed JWT.";
    public const string Unsigned = "Token is unsigned.";
    public const string AlgorithmNotAllowed = "Token algorithm is not allowed.";
    public const string UnsupportedHeader = "Token header is not supported.";
    public const string NotAccessToken = "Token is not an access token.";
    public const string BadSignature = "Token signature is invalid.";
    public const string WrongIssuer = "Token issuer is not accepted.";
    public const string WrongAudience = "Token audience is not accepted.";
    public const string Expired = "Token has expired.";
    public const string NotYetValid = "Token is not yet valid.";
    public const string NoExpiry = "Token has no expiry.";
    public const string BadLifetime = "Token lifetime is invalid.";
    public const string NoSubject = "Token has no subject.";
    public const string NoSession = "Token has no session.";
    public const string IssuerUnavailable = "Token issuer metadata is unavailable.";
    public const string Invalid = "Token is invalid.";

    /// <summary>Maps a validation exception of the token library to a reason (most specific types first).</summary>
    public static string From(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => Expired,
        SecurityTokenNotYetValidException => NotYetValid,
        SecurityTokenNoExpirationException => NoExpiry,
        SecurityTokenInvalidLifetimeException => BadLifetime,
        SecurityTokenInvalidIssuerException => WrongIssuer,
        SecurityTokenInvalidAudienceException => WrongAudience,
        SecurityTokenInvalidAlgorithmException => AlgorithmNotAllowed,
        SecurityTokenInvalidTypeException => NotAccessToken,
        SecurityTokenSignatureKeyNotFoundException => BadSignature,
        SecurityTokenInvalidSignatureException => BadSignature,
        SecurityTokenMalformedException => Malformed,
        _ => Invalid,
    };
}
