using CollectionStore.Api.Configuration;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Maintenance;

/// <summary>
/// Keeps the change feed within its retention limits (<c>Store:RetentionMaxAge</c>, <c>Store:RetentionMaxCount</c>):
/// prunes once at start and then every <c>Store:RetentionInterval</c>. A resume from a pruned sequence gets
/// <c>RESYNC_REQUIRED</c>, so pruning is what bounds the feed's disk use.
/// </summary>
internal sealed class ChangeFeedRetentionService(
    IDocumentStore store,
    IOptions<StoreSettings> settings,
    TimeProvider time,
    ILogger<ChangeFeedRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.Value.RetentionInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await PruneOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Prunes once; a failure is logged and retried at the next interval, never fatal to the host.</summary>
    internal async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = await store.PruneChangesAsync(cancellationToken);
            if (removed > 0)
            {
                MaintenanceLog.ChangesPruned(logger, removed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is StoreException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            MaintenanceLog.PruneFailed(logger, ex);
        }
    }
}
