using Microsoft.Extensions.Logging;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>Log messages of the multipart subscription transport.</summary>
internal static partial class MultipartLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "Multipart subscription stream opened for {RemoteAddress}")]
    public static partial void Opened(ILogger logger, System.Net.IPAddress? remoteAddress);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Debug, Message = "Multipart subscription stream closed ({Reason}) after {Parts} parts")]
    public static partial void Closed(ILogger logger, string reason, long parts);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Multipart subscription stream ended with {Code}")]
    public static partial void Failed(ILogger logger, string? code);
}
