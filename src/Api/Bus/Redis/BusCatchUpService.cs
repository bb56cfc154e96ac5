using System.Threading.Channels;
using CollectionStore.Api.Subscriptions;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// Keeps this node's engine level with the store when Redis loses notices. It compares the store's latest
/// sequence with the last change dispatched here when the bus reconnects, and at most once per
/// <see cref="RedisBusOptions.IdlePollInterval"/> while nothing is heard or Redis is down (silent loss looks
/// exactly like quiet); one cheap query per interval bounds its cost.
/// </summary>
internal sealed class BusCatchUpService(
    RedisChangeBus bus,
    ChangeDispatcher dispatcher,
    IOptions<RedisBusOptions> options,
    ILogger<BusCatchUpService> logger) : BackgroundService
{
    private readonly Channel<string> _triggers = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.IdlePollInterval > TimeSpan.Zero ? options.Value.IdlePollInterval : TimeSpan.FromSeconds(1);
        bus.CatchUpNeeded += OnCatchUpNeeded;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var trigger = await NextTriggerAsync(interval, stoppingToken);
                if (trigger is not null || bus.State != RedisBusState.Connected || bus.SinceLastNotice >= interval)
                {
                    await CompareWithStoreAsync(trigger ?? "idle poll", stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            bus.CatchUpNeeded -= OnCatchUpNeeded;
        }
    }

    private void OnCatchUpNeeded(string trigger) => _triggers.Writer.TryWrite(trigger);

    private async Task<string?> NextTriggerAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            return await _triggers.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task CompareWithStoreAsync(string trigger, CancellationToken cancellationToken)
    {
        try
        {
            var (latest, dispatched) = await dispatcher.CatchUpWithStoreAsync(cancellationToken);
            if (latest > dispatched)
            {
                RedisBusLog.CatchingUp(logger, trigger, latest, dispatched, latest - dispatched);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RedisBusLog.PollFailed(logger, ex);
        }
    }
}
