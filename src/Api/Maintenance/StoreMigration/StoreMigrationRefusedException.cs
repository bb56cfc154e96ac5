namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// <c>migrate-store</c> will not run with these arguments, this configuration or this target; the message is one line
/// for stderr saying what to fix, and the command exits with code 2 before writing any data.
/// </summary>
internal sealed class StoreMigrationRefusedException : Exception
{
    public StoreMigrationRefusedException()
    {
    }

    public StoreMigrationRefusedException(string message)
        : base(message)
    {
    }

    public StoreMigrationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
