namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The identity configuration cannot be used (no signing key in production, a weak or unreadable key, conflicting
/// settings). The host refuses to start and prints <see cref="Exception.Message"/>, which never contains key material.
/// </summary>
public sealed class AuthConfigurationException : Exception
{
    public AuthConfigurationException()
        : base("The identity configuration is invalid.")
    {
    }

    public AuthConfigurationException(string message)
        : base(message)
    {
    }

    public AuthConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
