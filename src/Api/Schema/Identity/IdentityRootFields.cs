using CollectionStore.Api.Schema.Types;
using CollectionStore.Domain.Model;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>
/// Adds the identity API to the generated roots: <c>me</c>, <c>mySessions</c> and, for admins, <c>users</c>,
/// <c>auditLog</c>, <c>verifyAuditLog</c>; the mutations <c>login</c>, <c>refreshToken</c>, <c>logout</c>,
/// <c>revokeSession</c>, <c>createUser</c>, <c>updateUser</c>.
/// </summary>
internal static class IdentityRootFields
{
    /// <summary>Call after the model's types and root fields exist, so a name the model already takes is refused.</summary>
    public static void Add(
        CollectionModel model,
        GraphTypeRegistry registry,
        ConnectionTypes connections,
        PagingOptions paging,
        ObjectGraphType query,
        ObjectGraphType mutation)
    {
        IdentityNameGuard.Check(model, registry, query, mutation);
        var outputs = new IdentityOutputTypes(registry, connections);
        var inputs = new IdentityInputTypes(registry, outputs.Json);
        var resolvers = new IdentityResolvers(paging);
        AddQueryFields(query, registry, outputs, inputs, resolvers);
        AddMutationFields(mutation, registry, outputs, inputs, resolvers);
    }

    private static void AddQueryFields(ObjectGraphType query, GraphTypeRegistry registry, IdentityOutputTypes outputs, IdentityInputTypes inputs, IdentityResolvers resolvers)
    {
        query.AddField(FieldFactory.CreateAsync("me", outputs.User, new QueryArguments(), IdentityResolvers.MeAsync, "The signed-in user; null for anonymous callers."));
        query.AddField(FieldFactory.CreateAsync(
            "mySessions",
            GraphTypeRegistry.NonNullListOfNonNull(outputs.Session),
            new QueryArguments(),
            IdentityResolvers.MySessionsAsync,
            "The caller's active sessions, newest first."));
        query.AddField(FieldFactory.CreateAsync(
            "users",
            GraphTypeRegistry.NonNull(outputs.UsersConnection),
            new QueryArguments(First(registry), After(registry), FieldFactory.Argument("where", inputs.UserFilter)),
            resolvers.UsersAsync,
            "Admins only: the built-in users ordered by username."));
        query.AddField(FieldFactory.CreateAsync(
            "auditLog",
            GraphTypeRegistry.NonNull(outputs.AuditEntriesConnection),
            new QueryArguments(FieldFactory.Argument("where", inputs.AuditEntryFilter), First(registry), After(registry)),
            resolvers.AuditLogAsync,
            "Admins only: the audit log, newest first."));
        query.AddField(FieldFactory.CreateAsync(
            "verifyAuditLog",
            GraphTypeRegistry.NonNull(outputs.AuditVerification),
            new QueryArguments(),
            IdentityResolvers.VerifyAuditLogAsync,
            "Admins only: recomputes the audit log's hash chain and reports the first broken link."));
    }

    private static void AddMutationFields(ObjectGraphType mutation, GraphTypeRegistry registry, IdentityOutputTypes outputs, IdentityInputTypes inputs, IdentityResolvers resolvers)
    {
        var payload = GraphTypeRegistry.NonNull(outputs.AuthPayload);
        var done = GraphTypeRegistry.NonNull(registry.Boolean);
        var user = GraphTypeRegistry.NonNull(outputs.User);
        var id = FieldFactory.Argument("id", GraphTypeRegistry.NonNull(registry.Id));
        mutation.AddField(FieldFactory.CreateAsync(
            "login", payload, Input(inputs.Login), IdentityResolvers.LoginAsync, "Signs in a built-in user; failures are rate limited per username and client address (RATE_LIMITED)."));
        mutation.AddField(FieldFactory.CreateAsync(
            "refreshToken", payload, Input(inputs.RefreshToken), IdentityResolvers.RefreshTokenAsync, "Trades a refresh token for new tokens; each works once, and presenting a used one revokes its session."));
        mutation.AddField(FieldFactory.CreateAsync("logout", done, new QueryArguments(), IdentityResolvers.LogoutAsync, "Revokes the caller's session; false when it was already over."));
        mutation.AddField(FieldFactory.CreateAsync(
            "revokeSession", done, new QueryArguments(id), IdentityResolvers.RevokeSessionAsync, "Revokes one of the caller's sessions (an admin: anyone's); false when unknown or already revoked."));
        mutation.AddField(FieldFactory.CreateAsync("createUser", user, Input(inputs.CreateUser), IdentityResolvers.CreateUserAsync, "Admins only: creates a built-in user."));
        mutation.AddField(FieldFactory.CreateAsync(
            "updateUser",
            user,
            new QueryArguments(FieldFactory.Argument("id", GraphTypeRegistry.NonNull(registry.Id)), FieldFactory.Argument("input", GraphTypeRegistry.NonNull(inputs.UpdateUser))),
            IdentityResolvers.UpdateUserAsync,
            "Admins only: changes a user; disabling them or changing the password ends their sessions."));
    }

    private static QueryArguments Input(IGraphType type) => new(FieldFactory.Argument("input", GraphTypeRegistry.NonNull(type)));

    private static QueryArgument First(GraphTypeRegistry registry) => FieldFactory.Argument("first", registry.Int, "Returns the first n items after 'after'.");

    private static QueryArgument After(GraphTypeRegistry registry) => FieldFactory.Argument("after", registry.String, "The cursor of the last item of the previous page.");
}
