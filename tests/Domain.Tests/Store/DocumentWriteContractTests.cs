using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>Create, update, delete, concurrency, uniqueness, guards and listeners, on every store provider.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the temp store through IAsyncLifetime.")]
public abstract class DocumentWriteContractTests(StoreKind kind) : IAsyncLifetime
{
    private readonly TempStore _temp = new(kind);
    private IDocumentStore _store = null!;

    public async Task InitializeAsync() => _store = await _temp.OpenAsync();

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Create_WithoutId_AssignsUlidVersionOneAndSystemFields()
    {
        var result = await _store.CreateAsync("Task", null, StoreTestModel.Task("p1", "write"), new WriteOptions("alice"), default);

        var doc = result.Document;
        Assert.Matches("^[0-9A-Z]{26}$", doc.Id);
        Assert.Equal(1, doc.Version);
        Assert.Equal(_temp.Clock.GetUtcNow(), doc.CreatedAt);
        Assert.Equal(doc.CreatedAt, doc.UpdatedAt);
        Assert.Equal("alice", doc.CreatedBy);
        Assert.Equal("alice", doc.UpdatedBy);
        Assert.Equal(ChangeOperation.Created, result.Change.Operation);
        Assert.Equal(1, result.Change.Sequence);
    }

    [Fact]
    public async Task Create_ThenGet_RoundTripsDataWithDefaults()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write", priority: 3), WriteOptions.Anonymous, default);

        var doc = await _store.GetAsync("Task", "t1", default);

        Assert.NotNull(doc);
        Assert.Equal("Task", doc.Collection);
        // Equal as JSON: the order of an object's keys carries no meaning (PostgreSQL's jsonb keeps its own).
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"projectId":"p1","title":"write","done":false,"priority":3,"tags":[],"labels":[]}"""),
            doc.Data));
        Assert.Null(doc.CreatedBy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    public async Task Create_InvalidClientId_ThrowsInvalidInput(int length)
    {
        var id = new string('x', length);
        var error = await Assert.ThrowsAsync<InvalidDocumentException>(
            () => _store.CreateAsync("Task", id, StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Create_InvalidDocument_WritesNothing()
    {
        await Assert.ThrowsAsync<InvalidDocumentException>(
            () => _store.CreateAsync("Task", "t1", new JsonObject { ["title"] = "no project" }, WriteOptions.Anonymous, default));

        Assert.Null(await _store.GetAsync("Task", "t1", default));
        Assert.Equal(0, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Update_Patch_ReplacesPresentKeysAndBumpsVersion()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write"), new WriteOptions("alice"), default);
        _temp.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _store.UpdateAsync("Task", "t1", new JsonObject { ["done"] = true, ["estimate"] = 1.5 }, new WriteOptions("bob", ExpectedVersion: 1), default);

        Assert.Equal(2, result.Document.Version);
        Assert.Equal("alice", result.Document.CreatedBy);
        Assert.Equal("bob", result.Document.UpdatedBy);
        Assert.Equal(_temp.Clock.GetUtcNow(), result.Document.UpdatedAt);
        Assert.True(result.Document.Data["done"]!.GetValue<bool>());
        Assert.Equal("write", result.Document.Data["title"]!.GetValue<string>());
        Assert.Equal(1, result.Change.Before!.Version);
        Assert.Equal(ChangeOperation.Updated, result.Change.Operation);
        var stored = await _store.GetAsync("Task", "t1", default);
        Assert.True(JsonNode.DeepEquals(result.Document.Data, stored!.Data));
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Update_NullOnNullableField_ClearsIt()
    {
        var data = StoreTestModel.Task("p1", "write");
        data["assigneeId"] = "u1";
        await _store.CreateAsync("Task", "t1", data, WriteOptions.Anonymous, default);

        var result = await _store.UpdateAsync("Task", "t1", new JsonObject { ["assigneeId"] = null }, WriteOptions.Anonymous, default);

        Assert.Null(result.Document.Data["assigneeId"]);
    }

    [Fact]
    public async Task Update_NonNullFieldToNull_ThrowsInvalidInputAndWritesNothing()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write"), WriteOptions.Anonymous, default);

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(
            () => _store.UpdateAsync("Task", "t1", new JsonObject { ["title"] = null }, WriteOptions.Anonymous, default));

        Assert.Equal("INVALID_INPUT", error.Code);
        Assert.Equal(1, (await _store.GetAsync("Task", "t1", default))!.Version);
        Assert.Equal(1, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Update_VersionMismatch_ThrowsConflictAndWritesNothing()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write"), WriteOptions.Anonymous, default);
        await _store.UpdateAsync("Task", "t1", new JsonObject { ["title"] = "v2" }, WriteOptions.Anonymous, default);

        var error = await Assert.ThrowsAsync<VersionConflictException>(
            () => _store.UpdateAsync("Task", "t1", new JsonObject { ["title"] = "stale" }, new WriteOptions(ExpectedVersion: 1), default));

        Assert.Equal("VERSION_CONFLICT", error.Code);
        Assert.Equal(2, error.CurrentVersion);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal("v2", (await _store.GetAsync("Task", "t1", default))!.Data["title"]!.GetValue<string>());
        Assert.Equal(2, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Delete_VersionMismatch_ThrowsConflictAndKeepsDocument()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write"), WriteOptions.Anonymous, default);

        await Assert.ThrowsAsync<VersionConflictException>(() => _store.DeleteAsync("Task", "t1", new WriteOptions(ExpectedVersion: 5), default));

        Assert.NotNull(await _store.GetAsync("Task", "t1", default));
    }

    [Fact]
    public async Task Delete_Existing_ReturnsDeletedDocumentAndRemovesIt()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write"), WriteOptions.Anonymous, default);

        var result = await _store.DeleteAsync("Task", "t1", new WriteOptions("carol", ExpectedVersion: 1), default);

        Assert.Equal("t1", result.Document.Id);
        Assert.Equal("write", result.Document.Data["title"]!.GetValue<string>());
        Assert.Equal(ChangeOperation.Deleted, result.Change.Operation);
        Assert.Null(result.Change.After);
        Assert.Equal("carol", result.Change.Subject);
        Assert.Null(await _store.GetAsync("Task", "t1", default));
    }

    [Fact]
    public async Task UpdateAndDelete_MissingId_ThrowNotFound()
    {
        var update = await Assert.ThrowsAsync<DocumentNotFoundException>(
            () => _store.UpdateAsync("Task", "nope", new JsonObject { ["title"] = "x" }, WriteOptions.Anonymous, default));
        var delete = await Assert.ThrowsAsync<DocumentNotFoundException>(() => _store.DeleteAsync("Task", "nope", WriteOptions.Anonymous, default));

        Assert.Equal("NOT_FOUND", update.Code);
        Assert.Equal("nope", delete.Id);
        Assert.Equal(0, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Create_DuplicateId_ThrowsUniqueViolationOnIdAndWritesNothing()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "first"), WriteOptions.Anonymous, default);

        var error = await Assert.ThrowsAsync<UniqueViolationException>(
            () => _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "second"), WriteOptions.Anonymous, default));

        Assert.Equal("id", error.Field);
        Assert.Equal("UNIQUE_VIOLATION", error.Code);
        Assert.Equal("first", (await _store.GetAsync("Task", "t1", default))!.Data["title"]!.GetValue<string>());
        Assert.Equal(1, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task CreateAndUpdate_DuplicateUniqueField_ThrowUniqueViolationNamingField()
    {
        await _store.CreateAsync("Project", "a", Project("Alpha"), WriteOptions.Anonymous, default);
        await _store.CreateAsync("Project", "b", Project("Beta"), WriteOptions.Anonymous, default);

        var onCreate = await Assert.ThrowsAsync<UniqueViolationException>(
            () => _store.CreateAsync("Project", "c", Project("Alpha"), WriteOptions.Anonymous, default));
        var onUpdate = await Assert.ThrowsAsync<UniqueViolationException>(
            () => _store.UpdateAsync("Project", "b", new JsonObject { ["name"] = "Alpha" }, WriteOptions.Anonymous, default));

        Assert.Equal("name", onCreate.Field);
        Assert.Equal("name", onUpdate.Field);
        Assert.Null(await _store.GetAsync("Project", "c", default));
        Assert.Equal("Beta", (await _store.GetAsync("Project", "b", default))!.Data["name"]!.GetValue<string>());
        Assert.Equal(2, await _store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Write_GuardThrows_WritesNothingAndRaisesNothing()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "write"), WriteOptions.Anonymous, default);
        var raised = new List<ChangeRecord>();
        using var subscription = _store.Changes.Subscribe(raised.Add);
        var seen = new List<(Document? Before, Document? After)>();
        var guard = new WriteOptions(Guard: (before, after, _) =>
        {
            seen.Add((before, after));
            throw new UnauthorizedAccessException("denied");
        });

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _store.CreateAsync("Task", "t2", StoreTestModel.Task("p1", "x"), guard, default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _store.UpdateAsync("Task", "t1", new JsonObject { ["title"] = "y" }, guard, default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _store.DeleteAsync("Task", "t1", guard, default));

        Assert.Empty(raised);
        Assert.Null(await _store.GetAsync("Task", "t2", default));
        var t1 = await _store.GetAsync("Task", "t1", default);
        Assert.Equal("write", t1!.Data["title"]!.GetValue<string>());
        Assert.Equal(1, await _store.GetLatestSequenceAsync(default));
        Assert.Equal(3, seen.Count);
        Assert.Null(seen[0].Before);
        Assert.Equal("y", seen[1].After!.Data["title"]!.GetValue<string>());
        Assert.Null(seen[2].After);
    }

    [Fact]
    public async Task Write_GuardReadsRelatedDocument_SeesTheStoredState()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "related"), WriteOptions.Anonymous, default);
        Document? seen = null;
        Document? missing = null;
        var guard = new WriteOptions(Guard: (_, _, related) =>
        {
            seen = related("Task", "t1");
            missing = related("Task", "nope");
        });

        await _store.CreateAsync("Task", "t2", StoreTestModel.Task("p1", "new"), guard, default);

        Assert.Equal("related", seen!.Data["title"]!.GetValue<string>());
        Assert.Null(missing);
    }

    [Fact]
    public async Task Write_ListenerThrows_WriteStillSucceedsAndOtherListenersRun()
    {
        var failures = new List<Exception>();
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync(options: temp.Options with { ListenerFailed = (_, ex) => failures.Add(ex) });
        var raised = new List<long>();
        using var bad = store.Changes.Subscribe(_ => throw new InvalidOperationException("listener bug"));
        using var good = store.Changes.Subscribe(c => raised.Add(c.Sequence));

        var result = await store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);

        Assert.Equal([result.Change.Sequence], raised);
        Assert.IsType<InvalidOperationException>(Assert.Single(failures));
        Assert.NotNull(await store.GetAsync("Task", "t1", default));
    }

    [Fact]
    public async Task Subscribe_Disposed_StopsRaising()
    {
        var raised = new List<long>();
        var subscription = _store.Changes.Subscribe(c => raised.Add(c.Sequence));
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);

        subscription.Dispose();
        await _store.CreateAsync("Task", "t2", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);

        Assert.Equal([1L], raised);
    }

    [Fact]
    public async Task Reopen_AfterWrites_KeepsDocumentsAndSequence()
    {
        await _store.CreateAsync("Task", "t1", StoreTestModel.Task("p1", "durable"), WriteOptions.Anonymous, default);
        await _store.UpdateAsync("Task", "t1", new JsonObject { ["done"] = true }, WriteOptions.Anonymous, default);
        await _store.DisposeAsync();

        var reopened = await _temp.OpenAsync();

        var doc = await reopened.GetAsync("Task", "t1", default);
        Assert.Equal(2, doc!.Version);
        Assert.True(doc.Data["done"]!.GetValue<bool>());
        Assert.Equal(2, await reopened.GetLatestSequenceAsync(default));
        var next = await reopened.CreateAsync("Task", "t2", StoreTestModel.Task("p1", "more"), WriteOptions.Anonymous, default);
        Assert.Equal(3, next.Change.Sequence);
    }

    [Fact]
    public async Task GetMany_SeveralIds_RunsOneStatementAndSkipsMissing()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await _store.CreateAsync("Task", id, StoreTestModel.Task("p", id), WriteOptions.Anonymous, default);
        }

        var before = _store.QueryCount;
        var docs = await _store.GetManyAsync("Task", ["c", "a", "missing", "a"], default);

        Assert.Equal(1, _store.QueryCount - before);
        Assert.Equal(["a", "c"], docs.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    private static JsonObject Project(string name) => new() { ["name"] = name, ["ownerId"] = "o" };
}
