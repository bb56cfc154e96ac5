using System.Security.Cryptography;
using CollectionStore.Authorization.Identity;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The key built-in access tokens are signed and validated with, and the one algorithm pinned for them: HS256 for a
/// shared secret, RS256 for an RSA key, ES256 for an EC P-256 key. <see cref="KeyId"/> is the key's RFC 7638
/// thumbprint, so it stays the same across restarts with the same key.
/// </summary>
public sealed class SigningKeys
{
    /// <summary>The file a development key is generated into, inside the development key directory.</summary>
    public const string DevelopmentKeyFileName = "collectionstore.signing-key";

    /// <summary>The fewest bits a symmetric key may have (RFC 7518 §3.2 for HS256).</summary>
    internal const int MinimumSymmetricKeyBytes = 32;

    internal const int MinimumRsaKeyBits = 2048;

    private SigningKeys(SecurityKey signingKey, SecurityKey validationKey, string algorithm, string source)
    {
        KeyId = Base64UrlEncoder.Encode(validationKey.ComputeJwkThumbprint());
        signingKey.KeyId = KeyId;
        validationKey.KeyId = KeyId;
        Credentials = new SigningCredentials(signingKey, algorithm);
        ValidationKey = validationKey;
        Algorithm = algorithm;
        Source = source;
    }

    /// <summary>The JWS <c>alg</c> every built-in token carries and the only one the validator accepts.</summary>
    public string Algorithm { get; }

    /// <summary>The <c>kid</c> header of built-in tokens.</summary>
    public string KeyId { get; }

    /// <summary>Where the key came from, for the startup log (never the key itself).</summary>
    public string Source { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The key that checks signatures: the public half for RS256/ES256, the secret itself for HS256.</summary>
    public SecurityKey ValidationKey { get; }

    /// <summary>
    /// Reads the key from <see cref="AuthOptions.SigningKey"/> or <see cref="AuthOptions.SigningKeyFile"/>. In
    /// development without either, a random key is generated once into
    /// <c><paramref name="developmentKeyDirectory"/>/collectionstore.signing-key</c> and reused after. With an
    /// external <see cref="AuthOptions.Authority"/> built-in tokens are off and an in-memory key that never signs
    /// anything a client sees is returned.
    /// </summary>
    /// <exception cref="AuthConfigurationException">No key outside development, a weak key or an unreadable file.</exception>
    public static SigningKeys Load(AuthOptions options, bool isDevelopment, string? developmentKeyDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasKey = !string.IsNullOrWhiteSpace(options.SigningKey);
        var hasFile = !string.IsNullOrWhiteSpace(options.SigningKeyFile);
        if (hasKey && hasFile)
        {
            throw new AuthConfigurationException("Set either Auth:SigningKey or Auth:SigningKeyFile, not both.");
        }

        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            if (hasKey || hasFile)
            {
                throw new AuthConfigurationException(
                    "Auth:Authority switches built-in tokens off; remove Auth:SigningKey/Auth:SigningKeyFile or the authority.");
            }

            return FromSecret(RandomNumberGenerator.GetBytes(64), "an in-memory key (an external authority issues tokens)");
        }

        if (hasKey)
        {
            return FromSecret(SigningKeyReader.ReadSecretText(options.SigningKey!, "Auth:SigningKey"), "Auth:SigningKey");
        }

        if (hasFile)
        {
            return SigningKeyReader.ReadFile(options.SigningKeyFile!);
        }

        if (!isDevelopment)
        {
            throw new AuthConfigurationException(
                "No signing key is configured. Set Auth:SigningKey (at least 256 bits, e.g. the output of "
                + "`openssl rand -base64 48`), Auth:SigningKeyFile (a key file or a PEM RSA/EC private key) or "
                + "Auth:Authority (an external OIDC issuer). The server does not start without one outside Development.");
        }

        return DevelopmentSigningKey.LoadOrCreate(developmentKeyDirectory);
    }

    internal static SigningKeys FromSecret(byte[] secret, string source)
    {
        if (secret.Length < MinimumSymmetricKeyBytes)
        {
            throw new AuthConfigurationException(
                $"The signing key from {source} has {secret.Length * 8} bits; HS256 needs at least {MinimumSymmetricKeyBytes * 8}.");
        }

        var key = new SymmetricSecurityKey(secret);
        return new SigningKeys(key, key, SecurityAlgorithms.HmacSha256, source);
    }

    internal static SigningKeys FromRsa(RSA rsa, string source)
    {
        if (rsa.KeySize < MinimumRsaKeyBits)
        {
            throw new AuthConfigurationException(
                $"The RSA key from {source} has {rsa.KeySize} bits; RS256 needs at least {MinimumRsaKeyBits}.");
        }

        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        return new SigningKeys(new RsaSecurityKey(rsa), publicKey, SecurityAlgorithms.RsaSha256, source);
    }

    internal static SigningKeys FromEcdsa(ECDsa ecdsa, string source)
    {
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        if (!IsP256(parameters.Curve))
        {
            throw new AuthConfigurationException(
                $"The EC key from {source} is not on curve P-256; ES256 needs a P-256 key.");
        }

        var publicKey = new ECDsaSecurityKey(ECDsa.Create(parameters));
        return new SigningKeys(new ECDsaSecurityKey(ecdsa), publicKey, SecurityAlgorithms.EcdsaSha256, source);
    }

    private static bool IsP256(ECCurve curve) =>
        curve.Oid?.Value == "1.2.840.10045.3.1.7"
        || curve.Oid?.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1";
}
