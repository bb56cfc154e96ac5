using CollectionStore.Authorization.Identity;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// An external issuer's discovery document and JWKS, cached by the protocol library's configuration manager:
/// refreshed periodically, and on request when a token names an unknown key, at most once per
/// <see cref="MinimumRefreshInterval"/> so forged kids cannot turn the validator into a request amplifier.
/// </summary>
internal sealed class ExternalIssuerMetadata
{
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(30);

    private const string DiscoveryPath = ".well-known/openid-configuration";

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly string _authority;

    public ExternalIssuerMetadata(AuthOptions options, HttpClient http)
    {
        var authority = options.Authority!.TrimEnd('/');
        var address = $"{authority}/{DiscoveryPath}";
        if (authority.EndsWith($"/{DiscoveryPath}", StringComparison.Ordinal))
        {
            address = authority;
            authority = authority[..^(DiscoveryPath.Length + 1)];
        }

        _authority = authority;
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = options.RequireHttpsMetadata };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = MinimumRefreshInterval,
        };
    }

    /// <summary>The issuer and signing keys, or null when the metadata cannot be fetched or is not usable.</summary>
    public async Task<IssuerKeys?> GetAsync(CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        // OIDC Discovery §4.3: the document's issuer must be the authority it was fetched from.
        if (string.IsNullOrEmpty(configuration.Issuer)
            || !string.Equals(configuration.Issuer.TrimEnd('/'), _authority, StringComparison.Ordinal))
        {
            return null;
        }

        // Only asymmetric keys: a shared-secret key in a JWKS would be public, i.e. no key at all.
        var keys = configuration.SigningKeys
            .Where(key => key is RsaSecurityKey or ECDsaSecurityKey
                || (key is JsonWebKey jwk && jwk.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve))
            .ToArray();
        return new IssuerKeys(configuration, configuration.Issuer, keys);
    }

    public void RequestRefresh() => _manager.RequestRefresh();

    /// <summary>One fetched version of the metadata; <see cref="Source"/> tells a refreshed one from a cached one.</summary>
    internal sealed record IssuerKeys(object Source, string Issuer, IReadOnlyList<SecurityKey> Keys);
}
