namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// How a change source hands one event to its cohort: the cohort executes the selection set for it, fans the
/// result out and only then completes, so a cohort runs one execution at a time, in sequence order.
/// </summary>
internal interface ICohortGate
{
    ValueTask DeliverAsync(ChangeEventPayload payload, IObserver<object?> observer, CancellationToken cancellationToken);

    /// <summary>
    /// The stream starts after <paramref name="afterSequence"/>: a member that leaves before any delivery resumes
    /// from there (never from 0, which would replay the whole feed or fail with RESYNC_REQUIRED).
    /// </summary>
    void Begin(long afterSequence);

    /// <summary>Marks the cohort as replaying from a <c>since</c>, so later subscribers never join it mid-replay.</summary>
    void MarkPrivate();
}
