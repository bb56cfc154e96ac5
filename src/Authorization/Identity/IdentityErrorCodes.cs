namespace CollectionStore.Authorization.Identity;

/// <summary>The <c>extensions.code</c> values identity operations fail with.</summary>
public static class IdentityErrorCodes
{
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string NotFound = "NOT_FOUND";
    public const string UsernameTaken = "UNIQUE_VIOLATION";
    public const string InvalidInput = "INVALID_INPUT";
    public const string LoginDisabled = "LOGIN_DISABLED";
}
