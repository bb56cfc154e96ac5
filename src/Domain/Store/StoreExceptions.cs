namespace CollectionStore.Domain.Store;

/// <summary>A store error a client caused; <see cref="Code"/> becomes the GraphQL <c>extensions.code</c>.</summary>
public abstract class StoreException : Exception
{
    protected StoreException(string code, string message)
        : base(message) => Code = code;

    protected StoreException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public string Code { get; }
}

/// <summary>No document with that id exists in that collection (code <c>NOT_FOUND</c>).</summary>
public sealed class DocumentNotFoundException(string collection, string id)
    : StoreException("NOT_FOUND", $"{collection} '{id}' was not found.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}

/// <summary><c>expectedVersion</c> did not match; nothing was written (code <c>VERSION_CONFLICT</c>).</summary>
public sealed class VersionConflictException(string collection, string id, long expectedVersion, long currentVersion)
    : StoreException("VERSION_CONFLICT", $"{collection} '{id}' is at version {currentVersion}, not {expectedVersion}.")
{
    public long ExpectedVersion { get; } = expectedVersion;

    public long CurrentVersion { get; } = currentVersion;
}

/// <summary>A <c>@unique</c> field (or the id) already has that value (code <c>UNIQUE_VIOLATION</c>).</summary>
public sealed class UniqueViolationException(string collection, string field)
    : StoreException("UNIQUE_VIOLATION", $"Another {collection} already has this value of '{field}'.")
{
    public string Field { get; } = field;
}

/// <summary>The document does not satisfy the model (code <c>INVALID_INPUT</c>).</summary>
public sealed class InvalidDocumentException(string message)
    : StoreException("INVALID_INPUT", message);

/// <summary>The store stayed busy or locked past the retry bound (code <c>STORE_BUSY</c>).</summary>
public sealed class StoreBusyException(string message, Exception innerException)
    : StoreException("STORE_BUSY", message, innerException);

/// <summary>
/// The database could not be reached or dropped the connection (code <c>STORE_UNAVAILABLE</c>, HTTP 503). A write that
/// fails this way was not acknowledged; whether it committed is decided by the database alone.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception innerException)
    : StoreException(StoreUnavailableCode.Value, message, innerException);

/// <summary>The <c>extensions.code</c> of <see cref="StoreUnavailableException"/>, for transports that map it to a status.</summary>
public static class StoreUnavailableCode
{
    public const string Value = "STORE_UNAVAILABLE";
}
