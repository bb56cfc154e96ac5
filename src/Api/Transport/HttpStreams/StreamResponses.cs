using System.Text.Json;

namespace CollectionStore.Api.Transport.HttpStreams;

/// <summary>Plain JSON answers of the streaming transports given before (or instead of) a stream.</summary>
internal static class StreamResponses
{
    public const string TooManyStreamsCode = "TOO_MANY_STREAMS";

    /// <summary>429 with a GraphQL error body: the client already holds <c>MaxStreamsPerClient</c> streams.</summary>
    public static Task WriteTooManyStreamsAsync(HttpContext context, CancellationToken cancellationToken) =>
        WriteErrorAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            "Too many open streams for this client. Close one before opening another.",
            TooManyStreamsCode,
            cancellationToken);

    /// <summary>Writes <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c> as application/json with the status.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string message, string code, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: cancellationToken);
    }
}
