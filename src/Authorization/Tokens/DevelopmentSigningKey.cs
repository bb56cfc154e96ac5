using System.Security.Cryptography;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The development-only key: 64 random bytes generated on the first start into a file readable only by its owner,
/// beside the database, and reused on every later start so tokens survive restarts.
/// </summary>
internal static class DevelopmentSigningKey
{
    private const int KeyBytes = 64;

    public static SigningKeys LoadOrCreate(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new AuthConfigurationException(
                "No signing key is configured and there is no directory to keep a generated development key in; "
                + "set Auth:SigningKey or Auth:SigningKeyFile.");
        }

        var path = Path.Combine(directory, SigningKeys.DevelopmentKeyFileName);
        var source = $"the development key file {path}";
        try
        {
            if (!File.Exists(path))
            {
                Create(directory, path);
            }

            return SigningKeys.FromSecret(File.ReadAllBytes(path), source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuthConfigurationException($"The development signing key {path} cannot be read or created: {ex.Message}", ex);
        }
    }

    private static void Create(string directory, string path)
    {
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{SigningKeys.DevelopmentKeyFileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(RandomNumberGenerator.GetBytes(KeyBytes));
                stream.Flush(flushToDisk: true);
            }

            // Written aside and moved in whole, so a crash or a second process never leaves or reads half a key.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; its key wins.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
