namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>Lets a test observe that the test schema's <c>slow</c> resolver started and saw its token cancelled.</summary>
public sealed class SlowFieldProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
