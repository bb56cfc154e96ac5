using System.Diagnostics;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>Two API processes on one SQLite file and one Redis: every change reaches every subscriber on both nodes.</summary>
[Collection(ClusterGroup.Name)]
public sealed class ScaleOutDeliveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoNodes_ThousandConcurrentWritesThroughBoth_NodeBSubscribersReceiveAllInOrderOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString);
        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        var subscribers = await OpenAsync(
            (nodes.B, "graphql-ws", "B"), (nodes.B, "sse", "B"), (nodes.B, "multipart", "B"), (nodes.A, "graphql-ws", "A"));
        try
        {
            var baseline = await ClusterChecks.WarmUpAsync(nodes.A, subscribers);

            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => WriteAsync(writer % 2 == 0 ? nodes.A : nodes.B, writer, 125)));
            output.WriteLine($"1000 writes through both nodes took {watch.ElapsedMilliseconds} ms");

            await ClusterChecks.AssertCompleteAsync(subscribers, baseline, 1000, Deadline);
            output.WriteLine($"every subscriber complete {watch.ElapsedMilliseconds} ms after the first write");
        }
        finally
        {
            await DisposeAllAsync(subscribers);
        }
    }

    internal static async Task<ClusterSubscriber[]> OpenAsync(params (ClusterNode Node, string Transport, string Name)[] subscribers)
    {
        var opened = new List<ClusterSubscriber>();
        foreach (var (node, transport, name) in subscribers)
        {
            opened.Add(await ClusterSubscriber.OpenAsync(node, transport, name));
        }

        return [.. opened];
    }

    internal static async Task DisposeAllAsync(IEnumerable<ClusterSubscriber> subscribers)
    {
        foreach (var subscriber in subscribers)
        {
            await subscriber.DisposeAsync();
        }
    }

    private static async Task WriteAsync(ClusterNode node, int writer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await TwoNodes.CreateNoteAsync(node, $"w{writer}-{i}");
        }
    }
}
