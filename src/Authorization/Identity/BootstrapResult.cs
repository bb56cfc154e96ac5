namespace CollectionStore.Authorization.Identity;

/// <summary>
/// The outcome of ensuring the first admin exists. <see cref="GeneratedPassword"/> is set only when the admin was
/// created just now without a configured password; the host prints it once and never stores it.
/// </summary>
public sealed record BootstrapResult(bool Created, string Username, string? GeneratedPassword);
