namespace CollectionStore.Api.Subscriptions;

/// <summary>Log messages of the subscription engine.</summary>
internal static partial class SubscriptionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Reading changes after {Last} up to {UpTo} from the change feed to fill a gap")]
    public static partial void FillingGap(ILogger logger, long last, long upTo);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Reading changes after {Last} up to {UpTo} failed; the next notice retries")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception, long last, long upTo);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Subscription cohort {Cohort} failed; its members get an error")]
    public static partial void CohortFailed(ILogger logger, Exception exception, string cohort);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "A subscriber's send queue is full after sequence {Sequence}; ending it with SLOW_CONSUMER")]
    public static partial void SlowConsumer(ILogger logger, long sequence);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Change source of {Collection} fell behind; catching up from the change feed after {Sequence}")]
    public static partial void SourceCatchingUp(ILogger logger, string collection, long sequence);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Change source of {Collection} stopped")]
    public static partial void SourceFailed(ILogger logger, Exception exception, string collection);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "A subscriber's sink failed; ending that operation")]
    public static partial void SinkFailed(ILogger logger, Exception exception);
}
