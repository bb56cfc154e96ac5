using System.ComponentModel.DataAnnotations;

namespace CollectionStore.Api.Configuration;

/// <summary>Where the model lives (configuration section <c>Schema</c>).</summary>
internal sealed class SchemaFileOptions
{
    public const string SectionName = "Schema";

    [Required]
    [MinLength(1)]
    public string Path { get; set; } = "schema.graphql";
}
