using CollectionStore.Api.Bus.Redis;
using CollectionStore.Api.Transport.HttpStreams;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// The shared side of single-connection reservations: one Redis hash per token (see <see cref="SseClusterScripts"/>)
/// that says whose it is, which node's stream holds it and what was POSTed before that stream. A reservation lives
/// for the reservation timeout until a stream claims it; the stream's node then refreshes it while the stream lives
/// and removes it when the stream ends, so the claims of a node that died expire on their own.
/// </summary>
internal sealed class SseClusterDirectory(RedisConnection redis, IOptions<StreamOptions> streams)
{
    /// <summary>How long a claimed reservation outlives its last refresh (a node that died stops refreshing).</summary>
    public static readonly TimeSpan StreamTimeToLive = TimeSpan.FromSeconds(30);

    public string NodeId => redis.NodeId;

    public Task AnnounceAsync(string token, string? owner, CancellationToken cancellationToken) =>
        RunAsync(SseClusterScripts.Announce, token, [Owner(owner), redis.NodeId, Milliseconds(streams.Value.ReservationTimeout)], cancellationToken);

    public async Task<SseClusterAnswer> LocateAsync(string token, string? owner, CancellationToken cancellationToken) =>
        SseClusterAnswer.Parse((string?)await RunAsync(SseClusterScripts.Locate, token, [Owner(owner)], cancellationToken));

    public async Task<SseClusterAnswer> EnqueueAsync(string token, string? owner, string operationId, string request, int maxOperations, CancellationToken cancellationToken) =>
        SseClusterAnswer.Parse((string?)await RunAsync(SseClusterScripts.Enqueue, token, [Owner(owner), operationId, request, maxOperations], cancellationToken));

    public async Task<SseClusterAnswer> CancelAsync(string token, string? owner, string operationId, CancellationToken cancellationToken) =>
        SseClusterAnswer.Parse((string?)await RunAsync(SseClusterScripts.Cancel, token, [Owner(owner), operationId], cancellationToken));

    public async Task<SseClusterClaim> ClaimAsync(string token, string? owner, CancellationToken cancellationToken)
    {
        var result = await RunAsync(SseClusterScripts.Claim, token, [Owner(owner), redis.NodeId, Milliseconds(StreamTimeToLive)], cancellationToken);
        var parts = (RedisResult[]?)result ?? [];
        return parts.Length == 0 ? SseClusterClaim.NotFound : (string?)parts[0] switch
        {
            "claimed" => new SseClusterClaim(Claimed: true, Missing: false, (string?)parts[1], [.. parts.Skip(2).Select(p => (string)p!)]),
            "taken" => SseClusterClaim.Taken,
            _ => SseClusterClaim.NotFound,
        };
    }

    public Task RefreshAsync(string token, CancellationToken cancellationToken) =>
        RunAsync(SseClusterScripts.Refresh, token, [redis.NodeId, Milliseconds(StreamTimeToLive)], cancellationToken);

    public Task ReleaseAsync(string token, CancellationToken cancellationToken) =>
        RunAsync(SseClusterScripts.Release, token, [redis.NodeId], cancellationToken);

    private async Task<RedisResult> RunAsync(string script, string token, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        var database = (await SseRedisGuard.ConnectedAsync(redis.GetAsync(), cancellationToken)).GetDatabase();
        return await database.ScriptEvaluateAsync(script, [redis.Key($"sse:{token}")], arguments).WaitAsync(cancellationToken);
    }

    // Anonymous reservations are owned by the empty subject, which no token ever carries.
    private static string Owner(string? owner) => owner ?? string.Empty;

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;
}
