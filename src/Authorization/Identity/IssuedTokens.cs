namespace CollectionStore.Authorization.Identity;

/// <summary>What login and refresh hand out: a signed access token, a one-use refresh token, and who they are for.</summary>
public sealed record IssuedTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, UserAccount User, SessionInfo Session);
