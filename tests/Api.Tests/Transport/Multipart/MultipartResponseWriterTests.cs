using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.Multipart;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Tests.Transport.Multipart;

public sealed class MultipartResponseWriterTests
{
    private const string Part = "\r\nContent-Type: application/json; charset=utf-8\r\n\r\n";

    // As the server registers it: only the primary code is exposed.
    private static readonly GraphQLSerializer Serializer =
        new(new ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = false }));

    [Fact]
    public async Task Run_EventThenComplete_WritesPartAndCloseDelimiter()
    {
        var sink = new MultipartSubscriptionSink(capacity: 10);
        Assert.True(sink.TryPublish(Event("""{"data":{"n":1}}""")));
        sink.Complete();

        var written = await RunAsync(sink, TimeSpan.FromHours(1));

        Assert.Equal("--graphql" + Part + """{"payload":{"data":{"n":1}}}""" + "\r\n--graphql--\r\n", written);
    }

    [Fact]
    public async Task Run_Fail_WritesErrorPartWithNullPayloadThenCloseDelimiter()
    {
        var sink = new MultipartSubscriptionSink(capacity: 10);
        Assert.True(sink.TryPublish(Event("""{"data":{"n":1}}""")));
        sink.Fail([new ExecutionError("The client fell behind.") { Code = "SLOW_CONSUMER" }]);

        var written = await RunAsync(sink, TimeSpan.FromHours(1));

        var expected = "--graphql" + Part + """{"payload":{"data":{"n":1}}}""" + "\r\n--graphql"
            + Part + """{"payload":null,"errors":[{"message":"The client fell behind.","extensions":{"code":"SLOW_CONSUMER"}}]}"""
            + "\r\n--graphql--\r\n";
        Assert.Equal(expected, written);
    }

    [Fact]
    public async Task Run_NothingToSend_WritesHeartbeatPartsUntilComplete()
    {
        var sink = new MultipartSubscriptionSink(capacity: 10);
        var pipe = new Pipe();
        var writer = new MultipartResponseWriter(Serializer, TimeSpan.FromMilliseconds(20), TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var run = writer.RunAsync(pipe.Writer, sink, timeout.Token);

        var received = new StringBuilder();
        while (CountOf(received.ToString(), "{}") < 2)
        {
            var read = await pipe.Reader.ReadAsync(timeout.Token);
            foreach (var segment in read.Buffer)
            {
                received.Append(Encoding.UTF8.GetString(segment.Span));
            }

            pipe.Reader.AdvanceTo(read.Buffer.End);
        }

        sink.Complete();
        await run;
        Assert.StartsWith("--graphql" + Part + "{}\r\n--graphql" + Part + "{}\r\n--graphql", received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryPublish_QueueFull_ReturnsFalse()
    {
        var sink = new MultipartSubscriptionSink(capacity: 2);

        Assert.True(sink.TryPublish(Event("{}")));
        Assert.True(sink.TryPublish(Event("{}")));
        Assert.False(sink.TryPublish(Event("{}")));
    }

    [Fact]
    public async Task Run_Cancelled_Throws()
    {
        var sink = new MultipartSubscriptionSink(capacity: 2);
        var writer = new MultipartResponseWriter(Serializer, TimeSpan.FromHours(1), TimeProvider.System);
        using var cancellation = new CancellationTokenSource();
        var run = writer.RunAsync(new Pipe().Writer, sink, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static SubscriptionEvent Event(string json) => new(Encoding.UTF8.GetBytes(json), Sequence: 1);

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private static async Task<string> RunAsync(MultipartSubscriptionSink sink, TimeSpan heartbeat)
    {
        var pipe = new Pipe();
        var writer = new MultipartResponseWriter(Serializer, heartbeat, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await writer.RunAsync(pipe.Writer, sink, timeout.Token);
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAsync(timeout.Token);
        return Encoding.UTF8.GetString(read.Buffer.ToArray());
    }
}
