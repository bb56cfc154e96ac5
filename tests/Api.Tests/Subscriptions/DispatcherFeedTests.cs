using System.Diagnostics;
using System.Text.Json.Nodes;
using CollectionStore.Api.Bus;
using CollectionStore.Api.Bus.InMemory;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Sqlite;
using GraphQL;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectionStore.Api.Tests.Subscriptions;

/// <summary>
/// The dispatcher alone, on a temp SQLite file and a bus the store does not feed: the test decides which
/// notices reach the bus, standing for a lossy, repeating transport between nodes.
/// </summary>
public sealed class DispatcherFeedTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly string _directory = Directory.CreateTempSubdirectory("collectionstore-dispatcher-").FullName;
    private readonly InMemoryChangeBus _bus = new();
    private readonly RecordingGate _gate = new();
    private SqliteDocumentStore _store = null!;
    private ChangeDispatcher _dispatcher = null!;
    private ChangeSource _source = null!;
    private string _projectId = null!;

    public async Task InitializeAsync()
    {
        var model = ModelParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "schema.graphql"));
        var options = new SqliteStoreOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "store.db")}", RetentionMaxCount = 3 };
        _store = await SqliteDocumentStore.OpenAsync(options, model, TimeProvider.System, CancellationToken.None);
        var project = await _store.CreateAsync("Project", null, new JsonObject { ["name"] = "p", ["ownerId"] = "o" }, WriteOptions.Anonymous, CancellationToken.None);
        _projectId = project.Document.Id;

        _dispatcher = new ChangeDispatcher(_bus, _store, NullLogger<ChangeDispatcher>.Instance);
        await _dispatcher.StartAsync(CancellationToken.None);
        var tasks = model.Collections.Single(c => c.Name == "Task");
        _source = new ChangeSource(tasks, _ => true, null, _dispatcher, _store, _gate, 100, NullLogger.Instance);
        _source.Subscribe(new NoObserver());
    }

    public async Task DisposeAsync()
    {
        _source.Dispose();
        await _dispatcher.StopAsync(CancellationToken.None);
        await _store.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still mapped by the OS must not fail the run.
        }
    }

    public void Dispose()
    {
        // xUnit runs the async disposal first; these only release what it left.
        _source?.Dispose();
        _dispatcher?.Dispose();
    }

    [Fact]
    public async Task Gap_NoticesOneTwoFiveWithoutThreeFour_ReadsThreeFourFromTheFeedInOrder()
    {
        var changes = await WriteTasksAsync(5);

        await PublishAsync(changes[0], withRecord: true);
        await PublishAsync(changes[1], withRecord: true);
        await PublishAsync(changes[4], withRecord: true);
        await Eventually.HoldsAsync(() => _gate.Sequences.Count >= 5);

        Assert.Equal(changes.Select(c => c.Sequence), _gate.Sequences);
        Assert.Equal(changes.Select(c => c.DocumentId), _gate.DocumentIds);
    }

    [Fact]
    public async Task Duplicate_RepeatedAndStaleNotices_AreDroppedAndANoticeWithoutRecordIsReadFromTheFeed()
    {
        var changes = await WriteTasksAsync(3);
        await PublishAsync(changes[0], withRecord: true);
        await PublishAsync(changes[1], withRecord: true);

        await PublishAsync(changes[1], withRecord: true);
        await PublishAsync(changes[0], withRecord: false);
        await PublishAsync(changes[2], withRecord: false);
        await PublishAsync(changes[2], withRecord: true);
        await Eventually.HoldsAsync(() => _dispatcher.LastDispatched == changes[2].Sequence);
        var later = (await WriteTasksAsync(1))[0];
        await PublishAsync(later, withRecord: false);
        await Eventually.HoldsAsync(() => _gate.Sequences.Count >= 4);

        Assert.Equal([.. changes.Select(c => c.Sequence), later.Sequence], _gate.Sequences);
    }

    [Fact]
    public async Task Start_AfterEarlierCommits_StartsAfterTheStoreLatest()
    {
        var latest = await _store.GetLatestSequenceAsync(CancellationToken.None);

        Assert.Equal(latest, _dispatcher.LastDispatched);
        Assert.Empty(_gate.Sequences);
    }

    [Fact]
    public async Task Replay_FeedPrunedPastTheResumePoint_FailsWithResyncRequiredInsteadOfSkipping()
    {
        await WriteTasksAsync(6);
        await _store.PruneChangesAsync(CancellationToken.None);
        var tasks = ModelParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "schema.graphql")).Collections.Single(c => c.Name == "Task");
        var gate = new RecordingGate();
        using var replaying = new ChangeSource(tasks, _ => true, since: 1, _dispatcher, _store, gate, 100, NullLogger.Instance);

        replaying.Subscribe(new NoObserver());
        await Eventually.HoldsAsync(() => gate.Error is not null);

        Assert.Equal(SubscriptionErrors.ResyncRequiredCode, gate.Error!.Code);
        Assert.Empty(gate.Sequences);
    }

    private async Task<List<ChangeRecord>> WriteTasksAsync(int count)
    {
        var changes = new List<ChangeRecord>();
        for (var i = 0; i < count; i++)
        {
            var result = await _store.CreateAsync("Task", null, new JsonObject { ["projectId"] = _projectId, ["title"] = $"t{i}" }, WriteOptions.Anonymous, CancellationToken.None);
            changes.Add(result.Change);
        }

        return changes;
    }

    private ValueTask PublishAsync(ChangeRecord change, bool withRecord) =>
        _bus.PublishAsync(new ChangeNotice(change.Sequence, change.Collection, change.DocumentId, withRecord ? change : null), CancellationToken.None);

    /// <summary>Records what the change source hands to its cohort, in order.</summary>
    private sealed class RecordingGate : ICohortGate
    {
        private readonly Lock _lock = new();
        private readonly List<(long Sequence, string Id)> _delivered = [];

        public List<long> Sequences => Snapshot().Select(d => d.Sequence).ToList();

        public List<string> DocumentIds => Snapshot().Select(d => d.Id).ToList();

        public void Begin(long afterSequence)
        {
        }

        public void MarkPrivate()
        {
        }

        public ExecutionError? Error { get; private set; }

        public void Fail(ExecutionError error) => Error = error;

        public ValueTask DeliverAsync(ChangeEventPayload payload, IObserver<object?> observer, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _delivered.Add((payload.Sequence, payload.Document.Id));
            }

            return ValueTask.CompletedTask;
        }

        private List<(long Sequence, string Id)> Snapshot()
        {
            lock (_lock)
            {
                return [.. _delivered];
            }
        }
    }

    private sealed class NoObserver : IObserver<object?>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(object? value)
        {
        }
    }
}
