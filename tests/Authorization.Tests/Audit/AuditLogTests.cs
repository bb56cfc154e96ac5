using System.Data.Common;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tests.Identity;
using CollectionStore.Domain.Store;

namespace CollectionStore.Authorization.Tests.Audit;

/// <summary>Runs against both store providers: <see cref="Sqlite"/> and <see cref="PostgreSql"/>.</summary>
public abstract class AuditLogTests(StoreProvider provider) : IAsyncLifetime
{
    private IdentityHarness _h = null!;

    // Verify_EntriesFromBothWritePaths_FormOneValidChain runs twenty logins at once, each counted as a failure until
    // its password check passes; on a database that answers asynchronously they overlap, so the limit is above that.
    public async Task InitializeAsync() => _h = await IdentityHarness.CreateAsync(provider, o => o.LoginRateLimit.MaxFailures = 100);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Record_ThenFlush_WritesTheEventStampedWhenRecorded()
    {
        var recordedAt = _h.Time.GetUtcNow();
        _h.AuditLog.Record(new AuditEvent(AuditKinds.ConnectionAccepted, "user-1", "session-1", "10.1.1.1", "graphql-ws", "https://app.example", new JsonObject { ["code"] = 4403 }));
        _h.Time.Advance(TimeSpan.FromMinutes(1));

        await _h.AuditLog.FlushAsync(CancellationToken.None);

        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal(
            (AuditKinds.ConnectionAccepted, "user-1", "session-1", "10.1.1.1", "graphql-ws", "https://app.example", "{\"code\":4403}", recordedAt),
            (entry.Kind, entry.SubjectId, entry.SessionId, entry.Address, entry.Protocol, entry.Origin, entry.Detail, entry.At));
    }

    [Fact]
    public async Task List_NewestFirst_PagesWithCursorAndFilters()
    {
        var since = _h.Time.GetUtcNow() + TimeSpan.FromSeconds(1);
        for (var i = 0; i < 5; i++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(1));
            _h.AuditLog.Record(new AuditEvent(i % 2 == 0 ? AuditKinds.ConnectionAccepted : AuditKinds.ConnectionRejected, SubjectId: $"user-{i % 2}"));
        }

        await _h.AuditLog.FlushAsync(CancellationToken.None);

        var first = await _h.AuditLog.ListAsync(new AuditQuery(2, Since: since), CancellationToken.None);
        var second = await _h.AuditLog.ListAsync(new AuditQuery(2, first.Entries[^1].Cursor, Since: since), CancellationToken.None);
        var third = await _h.AuditLog.ListAsync(new AuditQuery(2, second.Entries[^1].Cursor, Since: since), CancellationToken.None);
        var accepted = await _h.AuditLog.ListAsync(new AuditQuery(10, Kind: AuditKinds.ConnectionAccepted), CancellationToken.None);
        var bySubject = await _h.AuditLog.ListAsync(new AuditQuery(10, SubjectId: "user-1"), CancellationToken.None);

        var sequences = first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Item.Sequence).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(5, sequences.Count);
        Assert.Equal((5L, true, false), (first.TotalCount, first.HasNextPage, third.HasNextPage));
        Assert.Equal(3, accepted.TotalCount);
        Assert.All(accepted.Entries, e => Assert.Equal(AuditKinds.ConnectionAccepted, e.Item.Kind));
        Assert.Equal(2, bySubject.Entries.Count);
    }

    [Fact]
    public async Task List_BadCursor_ThrowsInvalidInput()
    {
        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.AuditLog.ListAsync(new AuditQuery(10, "bm90LWEtbnVtYmVy"), CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task Verify_EntriesFromBothWritePaths_FormOneValidChain()
    {
        await _h.CreateUserAsync("alice");
        var writes = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            _h.AuditLog.Record(new AuditEvent(AuditKinds.ConnectionAccepted, SubjectId: $"user-{i}"));
            writes.Add(_h.LoginAsync("alice"));
        }

        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
        await _h.AuditLog.FlushAsync(CancellationToken.None);

        var result = await _h.AuditLog.VerifyAsync(CancellationToken.None);

        var entries = await _h.AuditEntriesAsync();
        Assert.Equal(42, entries.Count);
        Assert.Equal(Enumerable.Range(1, 42).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(new AuditVerification(true, 42, null, null), result);
    }

    [Fact]
    public async Task Verify_RowChangedThroughRawSql_ReportsThatSequence()
    {
        await RecordAsync(5);

        await TamperAsync("UPDATE cs_audit SET subject_id = 'someone-else' WHERE sequence = 3");
        var result = await _h.AuditLog.VerifyAsync(CancellationToken.None);

        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(2, result.EntriesChecked);
        Assert.Contains("hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowRehashedButNotItsSuccessor_ReportsTheSuccessor()
    {
        await RecordAsync(5);
        var row = (await _h.AuditEntriesAsync()).Single(e => e.Sequence == 3);
        var forged = row with { Detail = "{\"forged\":true}" };
        var forgedHash = AuditChain.ComputeHash(forged);

        await TamperAsync($"UPDATE cs_audit SET detail = '{forged.Detail}', hash = '{forgedHash}' WHERE sequence = 3");
        var result = await _h.AuditLog.VerifyAsync(CancellationToken.None);

        Assert.Equal((false, 4L), (result.Valid, result.FirstBrokenSequence));
        Assert.Contains("link", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowDeleted_ReportsTheEntryAfterTheGap()
    {
        await RecordAsync(5);

        await TamperAsync("DELETE FROM cs_audit WHERE sequence = 2");
        var result = await _h.AuditLog.VerifyAsync(CancellationToken.None);

        Assert.Equal((false, 3L), (result.Valid, result.FirstBrokenSequence));
    }

    [Fact]
    public async Task Verify_UnreadableTimestamp_ReportsThatSequence()
    {
        await RecordAsync(3);

        await TamperAsync("UPDATE cs_audit SET at = 'yesterday' WHERE sequence = 2");
        var result = await _h.AuditLog.VerifyAsync(CancellationToken.None);

        Assert.Equal((false, 2L), (result.Valid, result.FirstBrokenSequence));
    }

    [Fact]
    public async Task Dispose_WithQueuedEvents_WritesThemFirst()
    {
        await using var log = new AuditLog(_h.Store, _h.Time);
        for (var i = 0; i < 50; i++)
        {
            log.Record(new AuditEvent(AuditKinds.AccessDenied, SubjectId: "user-x"));
        }

        await log.DisposeAsync();

        Assert.Equal(["50"], await _h.RawAsync($"SELECT COUNT(*) FROM cs_audit WHERE kind = '{AuditKinds.AccessDenied}'"));
        Assert.True((await _h.AuditLog.VerifyAsync(CancellationToken.None)).Valid);
    }

    [Theory]
    [InlineData("UPDATE cs_audit SET kind = 'x' WHERE sequence = 1")]
    [InlineData("DELETE FROM cs_audit WHERE sequence = 1")]
    public async Task Storage_UpdateOrDeleteOfAnAuditRow_IsRefused(string sql)
    {
        var error = await Assert.ThrowsAnyAsync<DbException>(() => _h.RawAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1"], await _h.RawAsync("SELECT COUNT(*) FROM cs_audit WHERE sequence = 1 AND kind = 'user.created'"));
    }

    /// <summary>Changes rows as someone with write access to the database could: dropping the append-only triggers first.</summary>
    private async Task TamperAsync(string sql)
    {
        await _h.RawAsync(_h.Database.DropAppendOnlyTriggers);
        await _h.RawAsync(sql);
    }

    private async Task RecordAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _h.AuditLog.Record(new AuditEvent(AuditKinds.ConnectionClosed, SubjectId: $"user-{i}", Detail: new JsonObject { ["code"] = 4403 }));
        }

        await _h.AuditLog.FlushAsync(CancellationToken.None);
        Assert.True((await _h.AuditLog.VerifyAsync(CancellationToken.None)).Valid);
    }

    public sealed class Sqlite() : AuditLogTests(StoreProvider.Sqlite);

    public sealed class PostgreSql() : AuditLogTests(StoreProvider.PostgreSql);
}
