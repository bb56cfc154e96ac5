namespace CollectionStore.Authorization.Tokens;

/// <summary>A freshly signed access token.</summary>
public sealed record AccessToken(string Value, string TokenId, DateTimeOffset ExpiresAt);
