using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using CollectionStore.Tests.Postgres;
using Npgsql;

namespace CollectionStore.Domain.Tests.Store.Postgres;

/// <summary>What only the PostgreSQL store has: nodes migrating at once, an unreachable database, index plans.</summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public async Task Open_TwoNodesAtOnceOnAnEmptyDatabase_BothMigrateAndShareOneFeed()
    {
        await using var temp = new TempStore(StoreKind.PostgreSql);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => temp.OpenAsync())).WaitAsync(TimeSpan.FromMinutes(1));
        await stores[0].CreateAsync("Task", "a", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
        var fromOther = await stores[3].CreateAsync("Task", "b", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);

        Assert.Equal(2, fromOther.Change.Sequence);
        Assert.Equal(["a", "b"], (await stores[1].ReadChangesAsync(0, 10, default)).Select(c => c.DocumentId));
    }

    [Fact]
    public async Task Write_DatabaseStoppedAndStarted_FailsWithStoreUnavailableThenWorksAndKeepsEveryAcknowledgedWrite()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var clock = new TestClock();
        await using var store = await PostgresDocumentStore.OpenAsync(new PostgresStoreOptions { DataSource = dataSource }, StoreTestModel.Create(), clock, default);
        var raised = new List<long>();
        using var subscription = store.Changes.Subscribe(c => raised.Add(c.Sequence));
        await store.CreateAsync("Task", "before", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);

        await server.StopAsync(immediate: true);
        var write = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => store.CreateAsync("Task", "during", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default).WaitAsync(TimeSpan.FromSeconds(60)));
        var read = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetLatestSequenceAsync(default).WaitAsync(TimeSpan.FromSeconds(60)));
        await server.StartAgainAsync();
        var after = await store.CreateAsync("Task", "after", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("STORE_UNAVAILABLE", write.Code);
        Assert.Equal("STORE_UNAVAILABLE", read.Code);
        Assert.Equal(2, after.Change.Sequence);
        Assert.Equal([1L, 2L], raised);
        Assert.Equal(["before", "after"], (await store.ReadChangesAsync(0, 10, default)).Select(c => c.DocumentId));
        Assert.Null(await store.GetAsync("Task", "during", default));
    }

    [Fact]
    public async Task Create_TextWithNulCharacter_IsRefusedAsInvalidInputAndWritesNothing()
    {
        await using var temp = new TempStore(StoreKind.PostgreSql);
        var store = await temp.OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(
            () => store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "a\u0000b"), WriteOptions.Anonymous, default));

        Assert.Equal("INVALID_INPUT", error.Code);
        Assert.Null(await store.GetAsync("Task", "t1", default));
        Assert.Equal(0, await store.GetLatestSequenceAsync(default));
    }
}
