namespace CollectionStore.Domain.Model.Sdl;

/// <summary>One value of an enum definition.</summary>
internal sealed record SdlEnumValue(string Name, IReadOnlyList<SdlDirective> Directives, SourceLocation Location);
