namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// One client operation inside a cohort: its sink and the last sequence delivered to it. Disposing it (the
/// client stopped the operation or went away) removes it from the cohort.
/// </summary>
internal sealed class SubscriptionMember(SubscriptionCohort cohort, ISubscriptionSink sink) : IAsyncDisposable
{
    private int _ended;

    public ISubscriptionSink Sink => sink;

    /// <summary>The sequence of the last event this member's sink accepted (0 before the first).</summary>
    public long LastSequence { get; set; }

    /// <summary>Ends the member once: tells the sink how, then leaves the cohort.</summary>
    public void End(Action<ISubscriptionSink> tell)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            tell(sink);
            cohort.Leave(this);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            cohort.Leave(this);
        }

        return ValueTask.CompletedTask;
    }
}
