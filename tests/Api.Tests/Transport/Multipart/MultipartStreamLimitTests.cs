using System.Net;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Transport.HttpStreams;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.Multipart;

public sealed class MultipartStreamLimitTests
{
    private const string Subscription = "subscription { taskChanged { kind } }";

    [Fact]
    public async Task Subscribe_OverMaxStreamsPerClient_Gets429UntilAStreamCloses()
    {
        var settings = new Dictionary<string, string?>();
        settings["Subscriptions:MaxStreamsPerClient"] = "1";
        await using var server = await ApiServer.StartAsync(settings, useTestSchema: false, modelSdl: TestModels.OpenDefault());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = server.BaseAddress };

        var first = await MultipartReader.OpenAsync(client, new { query = Subscription }, cancellationToken: timeout.Token);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        var refused = await GraphQLHttp.PostJsonAsync(client, new { query = Subscription }, MultipartReader.ApolloAccept);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TOO_MANY_STREAMS", refused.FirstErrorCode);

        await first.DisposeAsync();
        var admission = server.Services.GetRequiredService<StreamAdmission>();
        while (admission.OpenStreams > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }

        await using var again = await MultipartReader.OpenAsync(client, new { query = Subscription }, cancellationToken: timeout.Token);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
    }
}
