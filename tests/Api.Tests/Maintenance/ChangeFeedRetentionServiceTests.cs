using System.Diagnostics;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Maintenance;

public sealed class ChangeFeedRetentionServiceTests
{
    [Fact]
    public async Task RetentionService_FeedLongerThanMaxCount_PrunesToTheLimitWhileRunning()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await ApiServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Store:RetentionMaxCount"] = "3",
                ["Store:RetentionInterval"] = "00:00:01",
            },
            cancellationToken: timeout.Token);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync("Note", null, new JsonObject { ["text"] = $"note {i}" }, WriteOptions.Anonymous, timeout.Token);
        }

        var oldest = await WaitForOldestAsync(store, expected: 8, timeout.Token);

        Assert.Equal(8, oldest);
        Assert.Equal(10, await store.GetLatestSequenceAsync(timeout.Token));
        Assert.Equal([8L, 9L, 10L], (await store.ReadChangesAsync(0, 100, timeout.Token)).Select(c => c.Sequence));
    }

    private static async Task<long> WaitForOldestAsync(IDocumentStore store, long expected, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var oldest = await store.GetOldestRetainedSequenceAsync(cancellationToken);
            if (oldest == expected || watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                return oldest;
            }

            // Polls the store until the background service's next interval has pruned; the deadline bounds it.
            await Task.Delay(50, cancellationToken);
        }
    }
}
