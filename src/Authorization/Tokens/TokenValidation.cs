namespace CollectionStore.Authorization.Tokens;

/// <summary>The outcome of validating an access token: the verified claims, or why it was refused.</summary>
public sealed record TokenValidation(VerifiedToken? Token, string? Failure)
{
    public bool IsValid => Token is not null;

    public static TokenValidation Valid(VerifiedToken token) => new(token, Failure: null);

    /// <summary>A refusal; <paramref name="failure"/> is safe to show the client (it never echoes the token).</summary>
    public static TokenValidation Invalid(string failure) => new(Token: null, failure);
}
