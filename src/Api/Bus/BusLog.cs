namespace CollectionStore.Api.Bus;

/// <summary>Log messages of the change bus.</summary>
internal static partial class BusLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Publishing change {Sequence} to the bus failed; other nodes recover it from the change feed")]
    public static partial void PublishFailed(ILogger logger, Exception exception, long sequence);
}
