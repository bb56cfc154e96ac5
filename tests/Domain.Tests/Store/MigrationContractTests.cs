using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>Migrating a store to a changed model, on every store provider.</summary>
public abstract class MigrationContractTests(StoreKind kind)
{
    [Fact]
    public async Task Open_NewNullableField_KeepsData()
    {
        await using var temp = new TempStore(kind);
        await SeedAsync(temp);

        var store = await temp.OpenAsync(StoreTestModel.Create(StoreTestModel.Field("note", StoreTestModel.Scalar(ScalarTypes.String))));

        var doc = await store.GetAsync("Task", "t1", default);
        Assert.Equal("seeded", doc!.Data["title"]!.GetValue<string>());
        Assert.False(doc.Data.ContainsKey("note"));
        var updated = await store.UpdateAsync("Task", "t1", new JsonObject { ["note"] = "hi" }, WriteOptions.Anonymous, default);
        Assert.Equal("hi", updated.Document.Data["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Open_NewFieldWithDefault_WritesDefaultIntoExistingDocuments()
    {
        await using var temp = new TempStore(kind);
        await SeedAsync(temp);

        var store = await temp.OpenAsync(StoreTestModel.Create(
            StoreTestModel.Field("points", StoreTestModel.Scalar(ScalarTypes.Int, nonNull: true), defaultValue: 5)));

        var doc = await store.GetAsync("Task", "t1", default);
        Assert.Equal(5, doc!.Data["points"]!.GetValue<int>());
        Assert.Equal("seeded", doc.Data["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Open_NewNonNullFieldWithoutDefaultOnNonEmptyCollection_IsRefused()
    {
        await using var temp = new TempStore(kind);
        await SeedAsync(temp);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => temp.OpenAsync(StoreTestModel.Create(
            StoreTestModel.Field("owner", StoreTestModel.Scalar(ScalarTypes.String, nonNull: true)))));

        Assert.Contains("'Task'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'owner'", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema.graphql(7,3)", error.Message, StringComparison.Ordinal);
        var store = await temp.OpenAsync();
        Assert.NotNull(await store.GetAsync("Task", "t1", default));
    }

    [Fact]
    public async Task Open_NewNonNullFieldWithoutDefaultOnEmptyCollection_IsAccepted()
    {
        await using var temp = new TempStore(kind);
        await temp.OpenAsync();

        var store = await temp.OpenAsync(StoreTestModel.Create(
            StoreTestModel.Field("owner", StoreTestModel.Scalar(ScalarTypes.String, nonNull: true))));

        await Assert.ThrowsAsync<InvalidDocumentException>(
            () => store.CreateAsync("Task", null, StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default));
    }

    [Fact]
    public async Task Open_NewCollection_KeepsExistingData()
    {
        await using var temp = new TempStore(kind);
        await SeedAsync(temp);
        var baseModel = StoreTestModel.Create();
        var comment = new CollectionDefinition(
            "Comment",
            [StoreTestModel.Field("body", StoreTestModel.Scalar(ScalarTypes.String, nonNull: true))],
            [],
            new SourceLocation(1, 1));

        var store = await temp.OpenAsync(baseModel with { Collections = [.. baseModel.Collections, comment] });

        Assert.NotNull(await store.GetAsync("Task", "t1", default));
        var created = await store.CreateAsync("Comment", null, new JsonObject { ["body"] = "hi" }, WriteOptions.Anonymous, default);
        Assert.Equal(2, created.Change.Sequence);
    }

    [Fact]
    public async Task Open_UniqueRemovedFromField_StopsEnforcingIt()
    {
        await using var temp = new TempStore(kind);
        await temp.OpenAsync();
        var baseModel = StoreTestModel.Create();
        var project = baseModel.GetCollection("Project");
        var relaxed = project with { Fields = [.. project.Fields.Select(f => f.Name == "name" ? f with { Unique = false } : f)] };

        var store = await temp.OpenAsync(baseModel with { Collections = [relaxed, baseModel.GetCollection("Task")] });
        await store.CreateAsync("Project", null, new JsonObject { ["name"] = "same", ["ownerId"] = "o" }, WriteOptions.Anonymous, default);
        await store.CreateAsync("Project", null, new JsonObject { ["name"] = "same", ["ownerId"] = "o" }, WriteOptions.Anonymous, default);

        Assert.Equal(2, await store.GetLatestSequenceAsync(default));
    }

    private static async Task SeedAsync(TempStore temp)
    {
        var store = await temp.OpenAsync();
        await store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "seeded"), WriteOptions.Anonymous, default);
        await store.DisposeAsync();
    }
}
