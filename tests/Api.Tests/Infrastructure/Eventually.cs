using System.Diagnostics;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline: the one way tests wait for something asynchronous to happen.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> after the timeout.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what = "the condition", TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < limit, $"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }
}
