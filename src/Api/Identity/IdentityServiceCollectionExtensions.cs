using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Authorization.Tokens;

namespace CollectionStore.Api.Identity;

/// <summary>Registers users, sessions, tokens, the audit log and the authentication of every transport.</summary>
internal static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddCollectionStoreIdentity(this IServiceCollection services, AuthOptions options, SigningKeys? keys, IdentityStore store)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => store);
        services.AddSingleton<IdentitySignals>();
        if (keys is not null)
        {
            services.AddSingleton(keys);
            services.AddSingleton<IAccessTokenIssuer>(sp => new JwtAccessTokenIssuer(keys, options, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IAccessTokenValidator>(sp => AccessTokenValidator.ForBuiltIn(keys, options, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<IAccessTokenIssuer, ExternalIssuerOnly>();
            services.AddSingleton<IAccessTokenValidator>(sp => AccessTokenValidator.ForAuthority(
                options,
                new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
                sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<IIdentityService>(sp => new IdentityService(
            store,
            sp.GetRequiredService<IAccessTokenIssuer>(),
            options,
            sp.GetRequiredService<IdentitySignals>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditLog(store, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddSingleton<IdentityCache>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<HttpAuthentication>();
        services.AddSingleton<LiveConnections>();
        services.AddHostedService<BootstrapAdminService>();
        return services;
    }

    /// <summary>With an external authority there is no built-in login, so nothing is ever issued here.</summary>
    private sealed class ExternalIssuerOnly : IAccessTokenIssuer
    {
        public AccessToken Issue(UserAccount user, string sessionId) =>
            throw new IdentityException(IdentityErrorCodes.LoginDisabled, "Sign-in is handled by the external identity provider.");
    }
}
