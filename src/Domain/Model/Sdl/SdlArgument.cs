using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model.Sdl;

/// <summary>One directive argument: its name's location and its value's, for precise errors.</summary>
internal sealed record SdlArgument(string Name, JsonNode? Value, SourceLocation Location, SourceLocation ValueLocation);
