namespace CollectionStore.Authorization.Tokens;

/// <summary>The claim and header names of built-in access tokens (RFC 9068 profile).</summary>
internal static class AccessTokenClaims
{
    public const string TokenType = "at+jwt";
    public const string MediaTokenType = "application/at+jwt";
    public const string Subject = "sub";
    public const string SessionId = "sid";
    public const string Roles = "roles";
    public const string TokenId = "jti";
}
