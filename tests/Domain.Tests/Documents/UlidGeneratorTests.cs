using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Documents;

public sealed class UlidGeneratorTests
{
    [Fact]
    public void NewId_SameMillisecond_IsMonotonicAndUnique()
    {
        var generator = new UlidGenerator(new TestClock());

        var ids = Enumerable.Range(0, 1000).Select(_ => generator.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", id));
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void NewId_TimePrefix_EncodesMilliseconds()
    {
        var clock = new TestClock();
        var generator = new UlidGenerator(clock);

        var first = generator.NewId();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = generator.NewId();

        Assert.Equal(Decode(first[..10]) + 1, Decode(second[..10]));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), Decode(second[..10]));
    }

    private static long Decode(string prefix) =>
        prefix.Aggregate(0L, (value, c) => (value * 32) + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".IndexOf(c, StringComparison.Ordinal));
}
