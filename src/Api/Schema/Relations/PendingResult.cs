using GraphQL.DataLoader;

namespace CollectionStore.Api.Schema.Relations;

/// <summary>A resolver result GraphQL.NET completes after the current level, when batches are fetched.</summary>
internal sealed class PendingResult<T>(Func<CancellationToken, Task<T>> getResult) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => getResult(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await getResult(cancellationToken);
}
