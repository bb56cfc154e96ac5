using System.Security.Cryptography;
using System.Text;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// Turns configured key material into <see cref="SigningKeys"/>: text that is base64 of at least 256 bits is decoded,
/// other text is used as UTF-8 bytes; a file is a PEM private key (RSA or EC) or else a symmetric key (text or raw bytes).
/// </summary>
internal static class SigningKeyReader
{
    private const string RsaPrivateLabel = "RSA PRIVATE KEY";
    private const string EcPrivateLabel = "EC PRIVATE KEY";
    private const string Pkcs8PrivateLabel = "PRIVATE KEY";

    /// <summary>Key files are small; anything larger is a misconfigured path (e.g. the database).</summary>
    private const int MaxKeyFileBytes = 64 * 1024;

    public static byte[] ReadSecretText(string text, string source)
    {
        var trimmed = text.Trim();
        var decoded = TryDecodeBase64(trimmed);
        if (decoded is not null && decoded.Length >= SigningKeys.MinimumSymmetricKeyBytes)
        {
            return decoded;
        }

        var bytes = Encoding.UTF8.GetBytes(trimmed);
        if (bytes.Length < SigningKeys.MinimumSymmetricKeyBytes)
        {
            throw new AuthConfigurationException(
                $"The signing key from {source} has {bytes.Length * 8} bits; HS256 needs at least "
                + $"{SigningKeys.MinimumSymmetricKeyBytes * 8} (e.g. the output of `openssl rand -base64 48`).");
        }

        return bytes;
    }

    public static SigningKeys ReadFile(string path)
    {
        var source = $"Auth:SigningKeyFile ({path})";
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxKeyFileBytes)
            {
                throw new AuthConfigurationException($"The signing key file {path} is larger than {MaxKeyFileBytes} bytes; it is not a key.");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new AuthConfigurationException($"The signing key file {path} cannot be read: {ex.Message}", ex);
        }

        if (!IsText(content))
        {
            return SigningKeys.FromSecret(content, source);
        }

        var text = Encoding.UTF8.GetString(content);
        return text.Contains("-----BEGIN ", StringComparison.Ordinal)
            ? ReadPem(text, source)
            : SigningKeys.FromSecret(ReadSecretText(text, source), source);
    }

    private static SigningKeys ReadPem(string text, string source)
    {
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new AuthConfigurationException($"The signing key file of {source} holds no readable PEM block.");
        }

        var label = text[fields.Label].ToString();
        try
        {
            return label switch
            {
                RsaPrivateLabel => SigningKeys.FromRsa(ImportRsa(text), source),
                EcPrivateLabel => SigningKeys.FromEcdsa(ImportEcdsa(text), source),
                Pkcs8PrivateLabel => ReadPkcs8(text, source),
                _ => throw new AuthConfigurationException(
                    $"The PEM block of {source} is a \"{label}\"; expected an unencrypted \"PRIVATE KEY\", "
                    + "\"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\"."),
            };
        }
        catch (CryptographicException ex)
        {
            throw new AuthConfigurationException($"The private key of {source} cannot be read: {ex.Message}", ex);
        }
    }

    private static SigningKeys ReadPkcs8(string text, string source)
    {
        // PKCS#8 names the algorithm only inside the structure; whichever import accepts it tells which it is.
        try
        {
            return SigningKeys.FromRsa(ImportRsa(text), source);
        }
        catch (CryptographicException)
        {
            return SigningKeys.FromEcdsa(ImportEcdsa(text), source);
        }
    }

    private static RSA ImportRsa(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static ECDsa ImportEcdsa(string pem)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return ecdsa;
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private static byte[]? TryDecodeBase64(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // Accept the URL-safe alphabet and missing padding too: keys are often pasted from JWK "k" values.
        var normal = text.Replace('-', '+').Replace('_', '/');
        normal = normal.PadRight(normal.Length + ((4 - (normal.Length % 4)) % 4), '=');
        var buffer = new byte[normal.Length];
        return Convert.TryFromBase64String(normal, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool IsText(byte[] content)
    {
        foreach (var b in content)
        {
            var printable = b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t';
            if (!printable)
            {
                return false;
            }
        }

        return content.Length > 0;
    }
}
