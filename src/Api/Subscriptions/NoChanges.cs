namespace CollectionStore.Api.Subscriptions;

/// <summary>The watch handle of something that never changes: disposing it does nothing.</summary>
internal sealed class NoChanges : IDisposable
{
    public static readonly NoChanges Instance = new();

    private NoChanges()
    {
    }

    public void Dispose()
    {
    }
}
