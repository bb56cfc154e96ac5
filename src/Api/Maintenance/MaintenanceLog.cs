namespace CollectionStore.Api.Maintenance;

/// <summary>Log messages of background maintenance.</summary>
internal static partial class MaintenanceLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Pruned {Count} change-feed rows past retention")]
    public static partial void ChangesPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Pruning the change feed failed; retrying at the next interval")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
