namespace CollectionStore.Api.Configuration;

/// <summary>The server cannot start with this configuration or data; the message says why, for stderr.</summary>
internal sealed class StartupFailedException : Exception
{
    public StartupFailedException()
    {
    }

    public StartupFailedException(string message)
        : base(message)
    {
    }

    public StartupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
