using System.Text.RegularExpressions;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>
/// Models for tests about something other than authorization (transports, limits, the engine): access is
/// denied unless a rule grants it, so these models grant every action to everyone explicitly.
/// </summary>
public static partial class TestModels
{
    public const string OpenGrant = """@allow(to: [READ, CREATE, UPDATE, DELETE], roles: ["anonymous"])""";

    /// <summary>A model without any <c>@allow</c> gets the open grant on every collection; a model with rules is kept as written.</summary>
    public static string Open(string sdl) =>
        AllowDirective().IsMatch(sdl) ? sdl : CollectionDirective().Replace(sdl, $"@collection {OpenGrant}");

    /// <summary>The repository's schema.graphql with its rules replaced by the open grant.</summary>
    public static string OpenDefault()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema.graphql"));
        return Open(AllowDirective().Replace(text, string.Empty));
    }

    [GeneratedRegex(@"@collection\b")]
    private static partial Regex CollectionDirective();

    // A rule's arguments never contain parentheses, so the first ')' closes it; the declaration is not a rule.
    [GeneratedRegex(@"(?<!directive )@allow\([^()]*\)")]
    private static partial Regex AllowDirective();
}
