using StackExchange.Redis;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// One single-connection stream on this node whose reservation is shared through Redis. It claims the reservation
/// (unless the claim was already made before the local copy existed), then hands the operations queued before it
/// to the stream, tells the reserving node to drop its unconnected copy, keeps the claim alive while the stream
/// lives and removes the shared reservation when the stream ends. Without Redis the stream still works, for
/// requests that reach this node.
/// </summary>
internal sealed class SseClusterStream(
    SseClusterDirectory directory,
    SseNodeChannel channel,
    SseRemoteRunner runner,
    ILogger logger,
    SseClusterClaim? claim) : ISseStreamHooks, IDisposable
{
    private readonly CancellationTokenSource _ended = new();
    private SseClusterClaim? _claim = claim;

    public async Task<bool> ClaimAsync(SseReservation reservation, CancellationToken cancellationToken)
    {
        if (_claim is not null)
        {
            return true;
        }

        try
        {
            var claimed = await directory.ClaimAsync(reservation.Token, reservation.Owner, cancellationToken);
            if (!claimed.Claimed && !claimed.Missing)
            {
                return false;
            }

            // Missing: Redis lost the reservation (restarted empty); this node's copy is still the truth.
            _claim = claimed;
            return true;
        }
        catch (RedisException problem)
        {
            SseClusterLog.LocalOnly(logger, problem.Message);
            _claim = SseClusterClaim.NotFound;
            return true;
        }
    }

    public void Connected(SseReservation reservation) => _ = KeepAsync(reservation, _ended.Token);

    public async Task ReleaseAsync(SseReservation reservation)
    {
        await _ended.CancelAsync();
        if (_claim is { Claimed: true })
        {
            try
            {
                await directory.ReleaseAsync(reservation.Token, CancellationToken.None);
            }
            catch (RedisException problem)
            {
                SseClusterLog.RefreshFailed(logger, problem.Message);
            }
        }

        Dispose();
    }

    public void Dispose() => _ended.Dispose();

    private async Task KeepAsync(SseReservation reservation, CancellationToken ended)
    {
        if (_claim is not { Claimed: true } claimed)
        {
            return;
        }

        SseClusterLog.Claimed(logger, claimed.Queued.Count);
        await runner.RunQueuedAsync(reservation, claimed.Queued);
        await NotifyOriginAsync(reservation, claimed.Origin, ended);
        var interval = SseClusterDirectory.StreamTimeToLive / 3;
        while (!ended.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, ended);
                await directory.RefreshAsync(reservation.Token, ended);
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
                return;
            }
            catch (RedisException problem)
            {
                SseClusterLog.RefreshFailed(logger, problem.Message);
            }
        }
    }

    private async Task NotifyOriginAsync(SseReservation reservation, string? origin, CancellationToken ended)
    {
        if (string.IsNullOrEmpty(origin) || origin == directory.NodeId)
        {
            return;
        }

        try
        {
            await channel.NotifyClaimedAsync(origin, reservation.Token, ended);
        }
        catch (RedisException problem)
        {
            // The reserving node's copy then simply expires.
            SseClusterLog.RefreshFailed(logger, problem.Message);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
        }
    }
}
