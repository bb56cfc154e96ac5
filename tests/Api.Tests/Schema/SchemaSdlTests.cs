using Snapshooter.Xunit;

namespace CollectionStore.Api.Tests.Schema;

public sealed class SchemaSdlTests
{
    [Fact]
    public async Task Print_GeneratedSchema_MatchesSnapshot()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        Snapshot.Match(CollectionStore.Api.Schema.SchemaSdl.Print(harness.Schema));
    }

    [Fact]
    public async Task Print_GeneratedSchema_DeclaresModelDirectives()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var sdl = CollectionStore.Api.Schema.SchemaSdl.Print(harness.Schema);

        Assert.Contains("directive @collection on OBJECT", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @belongsTo(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @hasMany(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @default(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @unique on FIELD_DEFINITION", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @index on FIELD_DEFINITION", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typename_OnQueryAndMutation_IsAnswered()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var query = await harness.DataAsync("{ __typename }");
        var mutation = await harness.DataAsync("mutation { __typename }");

        Assert.Equal("Query", (string?)query["__typename"]);
        Assert.Equal("Mutation", (string?)mutation["__typename"]);
    }
}
