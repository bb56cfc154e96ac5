using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>A server with the known test signing key, a member user, and a way to sign in through the identity service.</summary>
public static class AuthenticationServer
{
    public const string MemberPassword = "member-password-1";

    public const string NoteModel = """
        type Note @collection {
          text: String!
        }
        """;

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = TestTokens.SigningKey };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<ApiServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        ApiServer.StartAsync(settings ?? Settings(), useTestSchema: false, modelSdl: NoteModel, configureServices: configureServices);

    /// <summary>Creates <paramref name="username"/> (as the bootstrap admin) and signs in as them.</summary>
    public static async Task<IssuedTokens> CreateAndSignInAsync(ApiServer server, string username, IReadOnlyList<string>? roles = null)
    {
        var identity = server.Services.GetRequiredService<IIdentityService>();
        var admin = await identity.LoginAsync("admin", ApiServer.AdminPassword, ClientInfo.Unknown, CancellationToken.None);
        var actor = new Actor(admin.User.Id, admin.Session.Id, admin.User.Roles);
        await identity.CreateUserAsync(actor, new NewUser(username, MemberPassword, roles ?? ["member"], null), ClientInfo.Unknown, CancellationToken.None);
        return await identity.LoginAsync(username, MemberPassword, ClientInfo.Unknown, CancellationToken.None);
    }
}
