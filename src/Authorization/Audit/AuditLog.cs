using System.Threading.Channels;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectionStore.Authorization.Audit;

/// <summary>
/// The audit log in the identity store's <c>cs_audit</c> table, in SQLite or PostgreSQL like the rest of the store.
/// Events that change nothing are queued (bounded) and written by one background loop in batches, each batch one
/// transaction; when the queue is full the caller writes its event itself rather than losing it. Entries of changes
/// are written by the identity service inside the change's transaction. Both paths extend one hash chain because each
/// entry is linked to the last row under the write lock, which on PostgreSQL every node shares.
/// </summary>
public sealed partial class AuditLog : IAuditLog, IAsyncDisposable
{
    private const int Capacity = 10_000;
    private const int BatchSize = 256;
    private const int WriteAttempts = 3;

    private readonly IdentityStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<QueuedAudit> _queue;
    private readonly Task _writer;
    private int _disposed;

    public AuditLog(IdentityStore store, TimeProvider time, ILogger<AuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _queue = Channel.CreateBounded<QueuedAudit>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var item = new QueuedAudit(auditEvent, _time.GetUtcNow(), Flushed: null);
        if (_queue.Writer.TryWrite(item))
        {
            return;
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            LogDroppedAfterDispose(_logger, auditEvent.Kind);
            return;
        }

        // The queue is full: an audit log may not drop entries, so this caller pays for its own write.
        _store.WriteAsync((tx, ct) => AppendAsync(tx, [item], ct), CancellationToken.None).GetAwaiter().GetResult();
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var marker = new QueuedAudit(Event: null, default, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(marker, cancellationToken);
        await marker.Flushed!.Task.WaitAsync(cancellationToken);
    }

    public Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.First < 0 || query.First > AuditListing.MaxPageSize)
        {
            throw new IdentityException(IdentityErrorCodes.InvalidInput, $"'first' must be between 0 and {AuditListing.MaxPageSize}.");
        }

        return _store.ReadAsync((c, ct) => AuditListing.ListAsync(c, query, ct), cancellationToken);
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) =>
        _store.ReadAsync(AuditVerifier.VerifyAsync, cancellationToken);

    /// <summary>Writes what is still queued and stops the background writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer;
    }

    private static async Task<int> AppendAsync(IdentityTransaction tx, List<QueuedAudit> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await tx.AuditAsync(item.Event!, item.At, cancellationToken);
        }

        return items.Count;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<QueuedAudit>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            var failure = await WriteBatchAsync([.. batch.Where(i => i.Event is not null)]);
            foreach (var marker in batch.Where(i => i.Flushed is not null))
            {
                if (failure is null)
                {
                    marker.Flushed!.TrySetResult();
                }
                else
                {
                    marker.Flushed!.TrySetException(failure);
                }
            }

            batch.Clear();
        }
    }

    private async Task<Exception?> WriteBatchAsync(List<QueuedAudit> events)
    {
        if (events.Count == 0)
        {
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.WriteAsync((tx, ct) => AppendAsync(tx, events, ct), CancellationToken.None);
                return null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (attempt >= WriteAttempts)
                {
                    LogBatchLost(_logger, events.Count, ex);
                    return ex;
                }

                LogBatchRetry(_logger, events.Count, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Writing {Count} audit entries failed (attempt {Attempt}); retrying")]
    private static partial void LogBatchRetry(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "{Count} audit entries could not be written and are lost")]
    private static partial void LogBatchLost(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Audit event {Kind} recorded after the audit log was disposed; not written")]
    private static partial void LogDroppedAfterDispose(ILogger logger, string kind);
}
