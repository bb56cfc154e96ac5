using CollectionStore.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Tests.Store;

public sealed class SqliteBusyTests
{
    [Fact]
    public async Task Write_WriteLockHeldElsewhere_FailsWithStoreBusyAfterBoundedRetries()
    {
        await using var temp = new TempStore();
        var store = await temp.OpenSqliteAsync(temp.SqliteOptions with
        {
            BusyRetryCount = 1,
            BusyRetryDelay = TimeSpan.FromMilliseconds(1),
            BusyTimeout = TimeSpan.FromMilliseconds(10),
        });
        var raised = 0;
        using var subscription = store.Changes.Subscribe(_ => raised++);
        await using var other = new SqliteConnection(temp.ConnectionString + ";Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreBusyException>(
            () => store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("STORE_BUSY", error.Code);
        Assert.Equal(0, raised);
        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var result = await store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
        Assert.Equal(1, result.Change.Sequence);
    }

    [Fact]
    public async Task Read_WhileWriteLockHeldElsewhere_DoesNotBlock()
    {
        await using var temp = new TempStore();
        var store = await temp.OpenAsync();
        await store.CreateAsync("Task", "t1", StoreTestModel.Task("p", "t"), WriteOptions.Anonymous, default);
        await using var other = new SqliteConnection(temp.ConnectionString + ";Pooling=False");
        await other.OpenAsync();
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE; UPDATE \"doc_Task\" SET version = 99;";
        await begin.ExecuteNonQueryAsync();

        var doc = await store.GetAsync("Task", "t1", default).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, doc!.Version);
    }
}
