using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// Opaque refresh tokens: 32 random bytes in base64url. Only their SHA-256 is stored, so the table cannot be used
/// to sign in; 256 random bits need no salt or slow hash.
/// </summary>
internal static class RefreshTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
