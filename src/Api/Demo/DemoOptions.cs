namespace CollectionStore.Api.Demo;

/// <summary>
/// Where the browser client's files live (configuration section <c>Demo</c>), served in Development only.
/// Relative paths are resolved against the content root; empty means "find <c>src/Client</c> above it".
/// </summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>The folder holding the built bundle (<c>src/Client/dist</c>), served at <c>/client/*</c>.</summary>
    public string ClientPath { get; set; } = "";

    /// <summary>The folder holding the demo page (<c>src/Client/demo</c>), served at <c>/demo</c>.</summary>
    public string PagePath { get; set; } = "";
}
