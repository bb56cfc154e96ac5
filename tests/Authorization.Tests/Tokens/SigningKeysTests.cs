using System.Security.Cryptography;
using System.Text;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tests.Tokens;

public sealed class SigningKeysTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cs-keys-{Guid.NewGuid():N}");

    public SigningKeysTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_ProductionWithoutKey_ThrowsWithClearMessage()
    {
        var ex = Assert.Throws<AuthConfigurationException>(() => SigningKeys.Load(new AuthOptions(), isDevelopment: false, _directory));

        Assert.Contains("Auth:SigningKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Authority", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789012345678901234567890")]
    [InlineData("c2hvcnQta2V5LW9ubHk=")]
    public void Load_KeyUnder256Bits_Throws(string key)
    {
        var ex = Assert.Throws<AuthConfigurationException>(() => Load(new AuthOptions { SigningKey = key }));

        Assert.Contains("256", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Base64Key_IsDecoded()
    {
        var secret = RandomNumberGenerator.GetBytes(48);

        var keys = Load(new AuthOptions { SigningKey = Convert.ToBase64String(secret) });

        Assert.Equal(SecurityAlgorithms.HmacSha256, keys.Algorithm);
        Assert.Equal(secret, ((SymmetricSecurityKey)keys.ValidationKey).Key);
    }

    [Fact]
    public void Load_TextKeyOf32Bytes_IsUsedAsUtf8()
    {
        const string text = "correct horse battery staple ok!";

        var keys = Load(new AuthOptions { SigningKey = text });

        Assert.Equal(Encoding.UTF8.GetBytes(text), ((SymmetricSecurityKey)keys.ValidationKey).Key);
    }

    [Fact]
    public void Load_SameKeyTwice_HasTheSameKeyId()
    {
        var options = new AuthOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

        Assert.Equal(Load(options).KeyId, Load(options).KeyId);
        Assert.NotEqual(Load(options).KeyId, Load(new AuthOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }).KeyId);
    }

    [Fact]
    public void Load_DevelopmentWithoutKey_GeneratesAFileOnceAndReusesIt()
    {
        var first = SigningKeys.Load(new AuthOptions(), isDevelopment: true, _directory);
        var path = Path.Combine(_directory, "collectionstore.signing-key");
        var written = File.ReadAllBytes(path);

        var second = SigningKeys.Load(new AuthOptions(), isDevelopment: true, _directory);

        Assert.Equal(64, written.Length);
        Assert.Equal(written, File.ReadAllBytes(path));
        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(written, ((SymmetricSecurityKey)second.ValidationKey).Key);
        Assert.Single(Directory.GetFiles(_directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Load_DevelopmentWithoutDirectory_Throws()
    {
        Assert.Throws<AuthConfigurationException>(() => SigningKeys.Load(new AuthOptions(), isDevelopment: true, developmentKeyDirectory: null));
    }

    [Fact]
    public void Load_DevelopmentWithConfiguredKey_UsesItAndWritesNoFile()
    {
        var keys = SigningKeys.Load(new AuthOptions { SigningKey = new string('k', 40) }, isDevelopment: true, _directory);

        Assert.Equal(SecurityAlgorithms.HmacSha256, keys.Algorithm);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Load_PemRsaKeys_AreRs256()
    {
        using var rsa = RSA.Create(2048);

        var pkcs1 = LoadFile("rsa1.pem", rsa.ExportRSAPrivateKeyPem());
        var pkcs8 = LoadFile("rsa8.pem", rsa.ExportPkcs8PrivateKeyPem());

        Assert.Equal(SecurityAlgorithms.RsaSha256, pkcs1.Algorithm);
        Assert.Equal(SecurityAlgorithms.RsaSha256, pkcs8.Algorithm);
        Assert.Equal(pkcs1.KeyId, pkcs8.KeyId);
        Assert.False(((RsaSecurityKey)pkcs1.ValidationKey).PrivateKeyStatus == PrivateKeyStatus.Exists);
    }

    [Fact]
    public void Load_PemEcP256Keys_AreEs256()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var sec1 = LoadFile("ec.pem", ecdsa.ExportECPrivateKeyPem());
        var pkcs8 = LoadFile("ec8.pem", ecdsa.ExportPkcs8PrivateKeyPem());

        Assert.Equal(SecurityAlgorithms.EcdsaSha256, sec1.Algorithm);
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, pkcs8.Algorithm);
        Assert.Equal(sec1.KeyId, pkcs8.KeyId);
    }

    [Fact]
    public void Load_WeakOrUnsupportedPem_Throws()
    {
        using var small = RSA.Create(1024);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);

        Assert.Contains("2048", Assert.Throws<AuthConfigurationException>(() => LoadFile("small.pem", small.ExportRSAPrivateKeyPem())).Message, StringComparison.Ordinal);
        Assert.Contains("P-256", Assert.Throws<AuthConfigurationException>(() => LoadFile("p384.pem", p384.ExportECPrivateKeyPem())).Message, StringComparison.Ordinal);
        Assert.Contains("PUBLIC KEY", Assert.Throws<AuthConfigurationException>(() => LoadFile("pub.pem", rsa.ExportSubjectPublicKeyInfoPem())).Message, StringComparison.Ordinal);
        Assert.Throws<AuthConfigurationException>(() => LoadFile("broken.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    }

    [Fact]
    public void Load_KeyFileWithRawBytesOrText_IsHs256()
    {
        var raw = RandomNumberGenerator.GetBytes(40);
        raw[0] = 0;
        var rawPath = Path.Combine(_directory, "raw.key");
        File.WriteAllBytes(rawPath, raw);

        var fromRaw = Load(new AuthOptions { SigningKeyFile = rawPath });
        var fromText = LoadFile("text.key", Convert.ToBase64String(raw) + "\n");

        Assert.Equal(raw, ((SymmetricSecurityKey)fromRaw.ValidationKey).Key);
        Assert.Equal(raw, ((SymmetricSecurityKey)fromText.ValidationKey).Key);
        Assert.Throws<AuthConfigurationException>(() => LoadFile("short.key", "too short\n"));
    }

    [Fact]
    public void Load_MissingKeyFile_Throws()
    {
        var ex = Assert.Throws<AuthConfigurationException>(() => Load(new AuthOptions { SigningKeyFile = Path.Combine(_directory, "absent.pem") }));

        Assert.Contains("cannot be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConflictingSettings_Throw()
    {
        var key = new string('k', 40);

        Assert.Throws<AuthConfigurationException>(() => Load(new AuthOptions { SigningKey = key, SigningKeyFile = "/etc/key" }));
        Assert.Throws<AuthConfigurationException>(() => Load(new AuthOptions { SigningKey = key, Authority = "https://id.example" }));
    }

    [Fact]
    public void Load_ProductionWithAuthorityOnly_StartsWithoutAKeyFile()
    {
        var keys = SigningKeys.Load(new AuthOptions { Authority = "https://id.example" }, isDevelopment: false, _directory);

        Assert.Equal(SecurityAlgorithms.HmacSha256, keys.Algorithm);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    private static SigningKeys Load(AuthOptions options) => SigningKeys.Load(options, isDevelopment: false, developmentKeyDirectory: null);

    private SigningKeys LoadFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return Load(new AuthOptions { SigningKeyFile = path });
    }
}
