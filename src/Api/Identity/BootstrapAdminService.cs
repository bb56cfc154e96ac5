using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Identity;

/// <summary>
/// On a start with no users, creates the first admin (<c>Auth:BootstrapAdmin</c>). A generated password is
/// written to the console once — not to the log, which may be shipped elsewhere — and never stored in clear.
/// </summary>
internal sealed class BootstrapAdminService(IIdentityService identity, AuthOptions options, ILogger<BootstrapAdminService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            return;
        }

        var admin = options.BootstrapAdmin;
        var password = string.IsNullOrEmpty(admin.Password) ? null : admin.Password;
        var result = await identity.EnsureBootstrapAdminAsync(admin.Username, password, cancellationToken);
        if (!result.Created)
        {
            return;
        }

        if (result.GeneratedPassword is { } generated)
        {
            await Console.Out.WriteLineAsync($"Collection Store: created admin user '{result.Username}' with password: {generated}");
            await Console.Out.FlushAsync(cancellationToken);
            IdentityLog.BootstrapAdminCreated(logger, result.Username);
        }
        else
        {
            IdentityLog.BootstrapAdminConfigured(logger, result.Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
