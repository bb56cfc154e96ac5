namespace CollectionStore.Api.Identity;

/// <summary>Why the server ends an authenticated connection or stream.</summary>
internal enum ConnectionEnd
{
    /// <summary>Its token's <c>exp</c> (plus the clock skew) passed.</summary>
    TokenExpired,

    /// <summary>Its session was revoked: logout, revokeSession, the user disabled or the password changed.</summary>
    SessionRevoked,
}
