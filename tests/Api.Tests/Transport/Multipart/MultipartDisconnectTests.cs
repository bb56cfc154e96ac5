using System.Diagnostics;
using System.Text.Json;
using CollectionStore.Api.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Transport.Multipart;

[Collection(MultipartServerGroup.Name)]
public sealed class MultipartDisconnectTests(MultipartServerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ClientAbort_MidStream_ReleasesSubscriptionAndConnection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var metrics = fixture.Server.Services.GetRequiredService<SubscriptionMetrics>();
        await WaitForAsync(() => metrics.Active == 0 && metrics.Connections == 0, timeout.Token);
        var projectId = await MultipartServerFixture.CreateProjectAsync(fixture.Server.Client);
        // No draining: HttpClient would otherwise read on for up to 2 s hoping to reuse the connection, and
        // that time would be measured instead of the server's.
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = fixture.Server.BaseAddress };
        var stream = await MultipartReader.OpenAsync(
            client,
            new { query = MultipartSubscriptionTests.TaskChanged, variables = new { projectId } },
            cancellationToken: timeout.Token);
        await MultipartServerFixture.CreateTaskAsync(fixture.Server.Client, projectId, "before the abort");
        await stream.ReadEventAsync(timeout.Token);
        Assert.Equal(1, metrics.Active);
        Assert.Equal(1, metrics.Connections);

        var clock = Stopwatch.StartNew();
        await stream.DisposeAsync();
        await WaitForAsync(() => metrics.Active == 0 && metrics.Connections == 0, timeout.Token);
        clock.Stop();

        output.WriteLine($"multipart: client abort -> subscriptions.active == 0 after {clock.Elapsed.TotalMilliseconds:F1} ms");
        var served = await fixture.Server.Client.GetStringAsync("/metrics", timeout.Token);
        var snapshot = JsonDocument.Parse(served).RootElement;
        Assert.Equal(0, snapshot.GetProperty("subscriptions").GetProperty("active").GetInt64());
        Assert.Equal(0, snapshot.GetProperty("connections").GetProperty("active").GetInt64());
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
        }
    }
}
