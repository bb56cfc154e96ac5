namespace CollectionStore.Authorization.Identity;

/// <summary>An identity operation refused for a reason the client may know; <see cref="Code"/> is one of <see cref="IdentityErrorCodes"/>.</summary>
public sealed class IdentityException : Exception
{
    public IdentityException()
        : this(IdentityErrorCodes.InvalidInput, "The identity operation failed.")
    {
    }

    public IdentityException(string message)
        : this(IdentityErrorCodes.InvalidInput, message)
    {
    }

    public IdentityException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = IdentityErrorCodes.InvalidInput;
    }

    public IdentityException(string code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Code = code;
        RetryAfter = retryAfter;
    }

    public string Code { get; }

    /// <summary>For <see cref="IdentityErrorCodes.RateLimited"/>: how long until another attempt may succeed.</summary>
    public TimeSpan? RetryAfter { get; }
}
