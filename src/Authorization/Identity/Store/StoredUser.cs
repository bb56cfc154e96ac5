namespace CollectionStore.Authorization.Identity.Store;

/// <summary>A user row: the account as callers see it plus the password hash, which never leaves the identity code.</summary>
internal sealed record StoredUser(UserAccount Account, string PasswordHash);
