using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// What a username, password, role list and attribute object must look like. Usernames are restricted to ASCII
/// letters, digits and <c>. _ - @</c> so two names can never look alike yet differ.
/// </summary>
internal static class UserRules
{
    public const int MaxUsernameLength = 64;
    public const int MinPasswordLength = 8;

    /// <summary>Bounds the work of one hash; far above any real passphrase.</summary>
    public const int MaxPasswordLength = 1024;

    public static void ValidateUsername(string? username)
    {
        if (string.IsNullOrEmpty(username) || username.Length > MaxUsernameLength || !username.All(IsUsernameChar))
        {
            throw Invalid($"A username has 1 to {MaxUsernameLength} characters: letters, digits, '.', '_', '-' or '@'.");
        }
    }

    public static void ValidatePassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            throw Invalid($"A password has at least {MinPasswordLength} (and at most {MaxPasswordLength}) characters.");
        }
    }

    /// <summary>The roles as stored: each a non-blank string, duplicates dropped, order kept.</summary>
    public static IReadOnlyList<string> NormalizeRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null)
        {
            return [];
        }

        if (roles.Any(string.IsNullOrWhiteSpace))
        {
            throw Invalid("A role is a non-empty string.");
        }

        return [.. roles.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A private copy of the attributes, so later changes to the caller's object change nothing stored.</summary>
    public static JsonObject CopyAttributes(JsonObject? attributes) =>
        attributes is null ? [] : (JsonObject)attributes.DeepClone();

    private static bool IsUsernameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@';

    private static IdentityException Invalid(string message) => new(IdentityErrorCodes.InvalidInput, message);
}
