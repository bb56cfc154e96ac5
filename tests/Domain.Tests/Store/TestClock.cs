namespace CollectionStore.Domain.Tests.Store;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
