using System.ComponentModel.DataAnnotations;

namespace CollectionStore.Api.Configuration;

/// <summary>
/// Limits applied to every GraphQL document on every transport (configuration section <c>Limits</c>),
/// so a hostile document is rejected before anything recurses or runs for long.
/// </summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Maximum UTF-8 size of the document text, checked before lexing.</summary>
    [Range(16, 16 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 64 * 1024;

    /// <summary>Maximum size of an HTTP request body (document plus variables and extensions).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Maximum number of lexical tokens in a document.</summary>
    [Range(1, 1_000_000)]
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>
    /// Maximum AST nesting the parser accepts; the recursion guard that keeps a deeply nested document from
    /// overflowing the stack.
    /// </summary>
    [Range(8, 512)]
    public int MaxParserDepth { get; set; } = 100;

    /// <summary>Maximum selection depth of the operation, counted through fragments.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Maximum computed complexity (cost) of the operation.</summary>
    [Range(1, 100_000_000)]
    public double MaxComplexity { get; set; } = 50_000;

    /// <summary>Maximum number of aliased fields in the document.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Maximum nesting of the variables and extensions JSON.</summary>
    [Range(1, 256)]
    public int MaxVariablesDepth { get; set; } = 32;

    /// <summary>Time a query or mutation may run before it is cancelled (never applied to subscription streams).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
