using System.Net;
using CollectionStore.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Execution;

[Collection(DefaultServerGroup.Name)]
public sealed class MaskingAndTimeoutTests(DefaultServerFixture fixture)
{
    [Fact]
    public async Task UnexpectedException_IsMaskedWithCorrelationId()
    {
        var response = await GraphQLHttp.PostJsonAsync(fixture.Server.Client, new { query = "{ hello boom }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = response.FirstError;
        Assert.Equal("Unexpected error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", response.FirstErrorCode);
        Assert.Equal(32, error.GetProperty("extensions").GetProperty("correlationId").GetString()!.Length);
        Assert.Equal("boom", error.GetProperty("path")[0].GetString());
        Assert.DoesNotContain("secret", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SELECT", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", response.Text, StringComparison.Ordinal);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task SlowQuery_PastExecutionTimeout_ReturnsTimeoutAndCancelsResolver()
    {
        // Its own server: a short timeout on the shared one would cut ordinary requests on a busy machine.
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Limits:ExecutionTimeout"] = "00:00:00.300" });
        var probe = server.Services.GetRequiredService<SlowFieldProbe>();

        var response = await GraphQLHttp.PostJsonAsync(server.Client, new { query = "{ slow }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("TIMEOUT", response.FirstErrorCode);
        Assert.True(probe.Started.Task.IsCompleted);
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
