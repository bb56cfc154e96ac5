using System.Security.Cryptography;
using System.Text;
using CollectionStore.Authorization.Tokens;

namespace CollectionStore.Authorization.Tests.Tokens;

/// <summary>A signing key of one kind together with the raw material to sign hand-made tokens with it.</summary>
internal sealed class TestKey
{
    private readonly Func<byte[], byte[]> _sign;

    private TestKey(string algorithm, SigningKeys keys, Func<byte[], byte[]> sign, byte[] publicPem, byte[] publicDer)
    {
        Algorithm = algorithm;
        Keys = keys;
        _sign = sign;
        PublicKeyPem = publicPem;
        PublicKeyDer = publicDer;
    }

    public string Algorithm { get; }

    public SigningKeys Keys { get; }

    /// <summary>What an attacker knows of an asymmetric key; empty for HS256.</summary>
    public byte[] PublicKeyPem { get; }

    public byte[] PublicKeyDer { get; }

    public static IEnumerable<object[]> Algorithms => [["HS256"], ["RS256"], ["ES256"]];

    public static IEnumerable<object[]> AsymmetricAlgorithms => [["RS256"], ["ES256"]];

    public static TestKey Create(string algorithm) => algorithm switch
    {
        "HS256" => Hmac(RandomNumberGenerator.GetBytes(32)),
        "RS256" => Rsa(RSA.Create(2048)),
        "ES256" => Ecdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static TestKey Hmac(byte[] secret) =>
        new("HS256", SigningKeys.FromSecret(secret, "test"), data => HMACSHA256.HashData(secret, data), [], []);

    public static TestKey Rsa(RSA rsa) => new(
        "RS256",
        SigningKeys.FromRsa(rsa, "test"),
        data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()),
        rsa.ExportSubjectPublicKeyInfo());

    public static TestKey Ecdsa(ECDsa ecdsa) => new(
        "ES256",
        SigningKeys.FromEcdsa(ecdsa, "test"),
        data => ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        Encoding.ASCII.GetBytes(ecdsa.ExportSubjectPublicKeyInfoPem()),
        ecdsa.ExportSubjectPublicKeyInfo());

    public byte[] Sign(byte[] signingInput) => _sign(signingInput);
}
