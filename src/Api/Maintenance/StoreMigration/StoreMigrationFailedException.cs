namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// The move started but did not complete: a row the target refused (the transaction was rolled back, so the target
/// holds no Collection Store data), or row counts that differ after the commit. The command exits with code 1.
/// </summary>
internal sealed class StoreMigrationFailedException : Exception
{
    public StoreMigrationFailedException()
    {
    }

    public StoreMigrationFailedException(string message)
        : base(message)
    {
    }

    public StoreMigrationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
