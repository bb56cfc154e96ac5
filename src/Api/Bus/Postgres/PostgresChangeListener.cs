using System.Globalization;
using CollectionStore.Api.Bus.Redis;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollectionStore.Api.Bus.Postgres;

/// <summary>
/// The doorbell between nodes on one PostgreSQL database without Redis: every write sends <c>NOTIFY</c> with its
/// change position inside its transaction (PostgreSQL delivers it at commit, never for a rollback), and this service
/// holds one connection that <c>LISTEN</c>s and hands each position to the dispatcher, which reads the change from the
/// feed in order. After (re)connecting, and whenever nothing was heard for <see cref="RedisBusOptions.IdlePollInterval"/>,
/// it compares the store's latest position with what was dispatched, so a dropped connection delays events, never loses
/// them. A node's own notices are dropped by the dispatcher as repeats.
/// </summary>
internal sealed class PostgresChangeListener(
    NpgsqlDataSource dataSource,
    string channel,
    ChangeDispatcher dispatcher,
    IOptions<RedisBusOptions> options,
    ILogger<PostgresChangeListener> logger) : BackgroundService
{
    private TimeSpan Interval => options.Value.IdlePollInterval > TimeSpan.Zero ? options.Value.IdlePollInterval : TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(
                    () =>
                    {
                        PostgresListenerLog.Listening(logger, channel, failed);
                        failed = false;
                    },
                    stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or StoreException or IOException or TimeoutException)
            {
                if (!failed)
                {
                    PostgresListenerLog.Lost(logger, channel, ex);
                }

                failed = true;
                await Task.Delay(Interval, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(Action onListening, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) => OnNotification(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresNotifyChannel.Quoted(channel)};", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        onListening();

        // Changes committed while this node was not listening are read from the feed now.
        await CompareWithStoreAsync("listening", cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(Interval, cancellationToken))
            {
                await CompareWithStoreAsync("idle poll", cancellationToken);
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            dispatcher.RequestCatchUp(sequence);
        }
    }

    private async Task CompareWithStoreAsync(string trigger, CancellationToken cancellationToken)
    {
        var (latest, dispatched) = await dispatcher.CatchUpWithStoreAsync(cancellationToken);
        if (latest > dispatched)
        {
            RedisBusLog.CatchingUp(logger, trigger, latest, dispatched, latest - dispatched);
        }
    }
}
