using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// Login attempts pipelined over one WebSocket count one by one, like aliases and batches over HTTP: past the
/// limit (5 failures per minute by default) the next attempt is RATE_LIMITED with a retry-after, even with the
/// right password.
/// </summary>
public sealed class LoginRateLimitOverWebSocketTests
{
    private const string Login = "mutation($p: String!) { login(input: { username: \"admin\", password: $p }) { accessToken } }";

    [Fact]
    public async Task PipelinedLoginAttempts_OverTheLimit_AreRateLimited()
    {
        await using var server = await AuthenticationServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        // Eight attempts in flight at once: however they interleave, exactly five may fail on the password.
        for (var i = 1; i <= 8; i++)
        {
            await client.SendAsync(new { id = $"wrong-{i}", type = "subscribe", payload = new { query = Login, variables = new { p = $"wrong-password-{i}" } } });
        }

        var codes = new List<string?>();
        while (codes.Count < 8)
        {
            codes.Add(await NextErrorCodeAsync(client));
        }

        await client.SendAsync(new { id = "right", type = "subscribe", payload = new { query = Login, variables = new { p = ApiServer.AdminPassword } } });
        var right = await client.ReceiveTypeAsync("next");
        var error = right["payload"]!["errors"]![0]!;

        Assert.Equal(5, codes.Count(c => c == "INVALID_CREDENTIALS"));
        Assert.Equal(3, codes.Count(c => c == "RATE_LIMITED"));
        Assert.Equal("RATE_LIMITED", (string?)error["extensions"]!["code"]);
        Assert.True((int?)error["extensions"]!["retryAfter"] > 0);
    }

    private static async Task<string?> NextErrorCodeAsync(WsClient client)
    {
        var message = await client.ReceiveTypeAsync("next");
        return (string?)message["payload"]!["errors"]?[0]?["extensions"]?["code"];
    }
}
