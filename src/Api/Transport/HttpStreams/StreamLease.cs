namespace CollectionStore.Api.Transport.HttpStreams;

/// <summary>One admitted stream's place in its client's quota; disposing it (once) gives the place back.</summary>
internal sealed class StreamLease(StreamAdmission admission, string client) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            admission.Release(client);
        }
    }
}
