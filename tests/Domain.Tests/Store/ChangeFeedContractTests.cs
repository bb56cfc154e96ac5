using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>The change feed: gap-free, commit-ordered positions, retention and numbering, on every store provider.</summary>
public abstract class ChangeFeedContractTests(StoreKind kind)
{
    [Fact]
    public async Task ReadChanges_CommittedWritesOnly_HaveBeforeAfterAndSubject()
    {
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync();
        await store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "a"), new WriteOptions("alice"), default);
        await Assert.ThrowsAsync<VersionConflictException>(
            () => store.UpdateAsync("Task", "t1", new JsonObject { ["title"] = "x" }, new WriteOptions(ExpectedVersion: 9), default));
        await Assert.ThrowsAsync<InvalidDocumentException>(
            () => store.UpdateAsync("Task", "t1", new JsonObject { ["priority"] = "high" }, WriteOptions.Anonymous, default));
        await store.UpdateAsync("Task", "t1", new JsonObject { ["title"] = "b" }, new WriteOptions("bob"), default);
        await store.DeleteAsync("Task", "t1", new WriteOptions("carol"), default);

        var changes = await store.ReadChangesAsync(0, 100, default);

        Assert.Equal([1L, 2L, 3L], changes.Select(c => c.Sequence));
        Assert.Equal([ChangeOperation.Created, ChangeOperation.Updated, ChangeOperation.Deleted], changes.Select(c => c.Operation));
        Assert.Equal(["alice", "bob", "carol"], changes.Select(c => c.Subject));
        Assert.Equal([1L, 2L, 2L], changes.Select(c => c.Version));
        Assert.Null(changes[0].Before);
        Assert.Equal("a", changes[1].Before!.Data["title"]!.GetValue<string>());
        Assert.Equal("b", changes[1].After!.Data["title"]!.GetValue<string>());
        Assert.Equal("bob", changes[1].After!.UpdatedBy);
        Assert.Equal(temp.Clock.GetUtcNow(), changes[1].After!.CreatedAt);
        Assert.True(JsonNode.DeepEquals(changes[1].After!.Data, changes[2].Before!.Data));
        Assert.Null(changes[2].After);
        Assert.All(changes, c => Assert.Equal("t1", c.DocumentId));
    }

    [Fact]
    public async Task ReadChanges_AfterAndMax_ReturnsThatWindow()
    {
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.CreateAsync("Task", null, StoreTestModel.Task("p", "t" + i), WriteOptions.Anonymous, default);
        }

        var changes = await store.ReadChangesAsync(2, 2, default);

        Assert.Equal([3L, 4L], changes.Select(c => c.Sequence));
    }

    [Fact]
    public async Task Writes_ConcurrentWriters_SequenceGapFreeAndRaisedInOrder()
    {
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync();
        var raised = new ConcurrentQueue<long>();
        using var subscription = store.Changes.Subscribe(c => raised.Enqueue(c.Sequence));

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                await store.CreateAsync("Task", $"w{w}-{i}", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(2));

        var expected = Enumerable.Range(1, 1000).Select(i => (long)i).ToList();
        Assert.Equal(expected, raised);
        Assert.Equal(expected, (await store.ReadChangesAsync(0, 5000, default)).Select(c => c.Sequence));
        Assert.Equal(1000, await store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Writes_TwoStoresOnOneFile_SequenceGapFree()
    {
        await using var temp = new TempStore(kind);
        var first = await temp.OpenAsync();
        var second = await temp.OpenAsync();
        var firstSeen = new ConcurrentQueue<long>();
        var secondSeen = new ConcurrentQueue<long>();
        using var a = first.Changes.Subscribe(c => firstSeen.Enqueue(c.Sequence));
        using var b = second.Changes.Subscribe(c => secondSeen.Enqueue(c.Sequence));

        var writers = new[] { first, second, first, second }.Select((store, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await store.CreateAsync("Task", $"w{w}-{i}", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(2));

        var changes = await first.ReadChangesAsync(0, 1000, default);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), changes.Select(c => c.Sequence));
        Assert.Equal(400, firstSeen.Count + secondSeen.Count);
        Assert.Equal(firstSeen.Order(), firstSeen);
        Assert.Equal(secondSeen.Order(), secondSeen);
        Assert.Empty(firstSeen.Intersect(secondSeen));
    }

    [Fact]
    public async Task ReadChanges_WhileTwoStoresWrite_ReaderNeverSeesALowerSequenceAfterAHigherOne()
    {
        await using var temp = new TempStore(kind);
        var first = await temp.OpenAsync();
        var second = await temp.OpenAsync();
        var reader = await temp.OpenAsync();
        using var done = new CancellationTokenSource();
        var writers = new[] { first, second, first, second }.Select((store, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 150; i++)
            {
                await store.CreateAsync("Task", $"w{w}-{i}", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
            }
        })).ToList();
        var all = Task.WhenAll(writers).ContinueWith(_ => done.Cancel(), TaskScheduler.Default);

        // A feed position is visible only once every lower one is: each read continues exactly where the last ended.
        var seen = new List<long>();
        while (true)
        {
            var finished = done.IsCancellationRequested;
            var batch = await reader.ReadChangesAsync(seen.Count == 0 ? 0 : seen[^1], 1000, default);
            seen.AddRange(batch.Select(c => c.Sequence));
            Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen);
            if (finished && seen.Count == 600)
            {
                break;
            }
        }

        await all.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Prune_ByCount_KeepsNewestAndNumbering()
    {
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync(options: temp.Options with { RetentionMaxCount = 3 });
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync("Task", null, StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
        }

        var removed = await store.PruneChangesAsync(default);

        Assert.Equal(7, removed);
        Assert.Equal(8, await store.GetOldestRetainedSequenceAsync(default));
        Assert.Equal([8L, 9L, 10L], (await store.ReadChangesAsync(0, 100, default)).Select(c => c.Sequence));
        Assert.Equal(10, await store.GetLatestSequenceAsync(default));
    }

    [Fact]
    public async Task Prune_ByAgeEmptyingFeed_NextWriteContinuesNumbering()
    {
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync(options: temp.Options with { RetentionMaxAge = TimeSpan.FromHours(1) });
        for (var i = 0; i < 4; i++)
        {
            await store.CreateAsync("Task", null, StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
        }

        temp.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(4, await store.PruneChangesAsync(default));
        Assert.Equal(5, await store.GetOldestRetainedSequenceAsync(default));
        Assert.Empty(await store.ReadChangesAsync(0, 100, default));
        await store.DisposeAsync();

        var reopened = await temp.OpenAsync(options: temp.Options with { RetentionMaxAge = TimeSpan.FromHours(1) });
        var next = await reopened.CreateAsync("Task", null, StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);

        Assert.Equal(5, next.Change.Sequence);
        Assert.Equal(5, await reopened.GetOldestRetainedSequenceAsync(default));
        Assert.Equal(0, await reopened.PruneChangesAsync(default));
    }

    [Fact]
    public async Task EmptyFeed_LatestIsZeroAndOldestIsOne()
    {
        await using var temp = new TempStore(kind);
        var store = await temp.OpenAsync();

        Assert.Equal(0, await store.GetLatestSequenceAsync(default));
        Assert.Equal(1, await store.GetOldestRetainedSequenceAsync(default));
    }
}
