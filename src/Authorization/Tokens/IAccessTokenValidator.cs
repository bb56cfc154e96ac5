namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The one validator every transport uses: pinned algorithms, issuer and audience, the configured clock skew,
/// token type, size cap before parsing. Built-in tokens or, with an authority configured, the issuer's JWKS.
/// </summary>
public interface IAccessTokenValidator
{
    /// <summary>The clock skew expiry is measured with; a live connection ends at <c>exp</c> plus this.</summary>
    TimeSpan ClockSkew { get; }

    ValueTask<TokenValidation> ValidateAsync(string token, CancellationToken cancellationToken);
}
