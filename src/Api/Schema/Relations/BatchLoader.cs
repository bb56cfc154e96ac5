using GraphQL.DataLoader;

namespace CollectionStore.Api.Schema.Relations;

/// <summary>
/// Collects keys while GraphQL.NET resolves a level of the tree and fetches them in one call when the first
/// pending result is awaited (GraphQL.NET awaits <see cref="IDataLoaderResult"/>s only after resolving every
/// sibling). Keys are cached for the request, so a key asked again is never fetched twice.
/// </summary>
internal sealed class BatchLoader<TValue>(Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, TValue>>> fetch)
    where TValue : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Batch> _batchOfKey = new(StringComparer.Ordinal);
    private Batch? _open;

    public IDataLoaderResult<TValue?> Load(string key)
    {
        Batch batch;
        lock (_lock)
        {
            if (!_batchOfKey.TryGetValue(key, out batch!))
            {
                batch = _open ??= new Batch();
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }
        }

        return new PendingResult<TValue?>(cancellationToken => GetAsync(batch, key, cancellationToken));
    }

    private async Task<TValue?> GetAsync(Batch batch, string key, CancellationToken cancellationToken)
    {
        bool start;
        lock (_lock)
        {
            start = batch.Completion is null;
            if (start)
            {
                batch.Completion = new TaskCompletionSource<IReadOnlyDictionary<string, TValue>>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (ReferenceEquals(_open, batch))
                {
                    _open = null;
                }
            }
        }

        if (start)
        {
            try
            {
                batch.Completion!.SetResult(await fetch(batch.Keys, cancellationToken));
            }
            catch (Exception exception)
            {
                batch.Completion!.SetException(exception);
            }
        }

        var values = await batch.Completion!.Task;
        return values.TryGetValue(key, out var value) ? value : null;
    }

    private sealed class Batch
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource<IReadOnlyDictionary<string, TValue>>? Completion { get; set; }
    }
}
