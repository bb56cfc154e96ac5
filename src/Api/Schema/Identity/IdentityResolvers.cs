using System.Globalization;
using System.Text.Json.Nodes;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using GraphQL;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>
/// The resolvers of the identity API. The caller comes only from the verified principal, the services from the
/// request's container, and every refusal of the identity service becomes an error with its code.
/// </summary>
internal sealed class IdentityResolvers(PagingOptions paging)
{
    public static async Task<object?> MeAsync(IResolveFieldContext context)
    {
        if (Principals.ToActor(context.User) is not { } actor)
        {
            return null;
        }

        return await IdentityExecutionErrors.GuardAsync(() => Identity(context).FindUserAsync(actor.UserId, context.CancellationToken));
    }

    public static async Task<object?> MySessionsAsync(IResolveFieldContext context)
    {
        var actor = RequireActor(context);
        return await IdentityExecutionErrors.GuardAsync(() => Identity(context).ListSessionsAsync(actor.UserId, context.CancellationToken));
    }

    public async Task<object?> UsersAsync(IResolveFieldContext context)
    {
        var actor = RequireAdmin(context);
        var where = Input(context, "where");
        var after = context.GetArgument<string?>("after");
        var query = new UserQuery(
            PageSize(context),
            after,
            Value(where, "usernameContains") as string,
            Value(where, "role") as string,
            Value(where, "disabled") as bool?);
        var page = await IdentityExecutionErrors.GuardAsync(() => Identity(context).ListUsersAsync(actor, query, context.CancellationToken));
        return ListingPage.From(page, after is not null);
    }

    public async Task<object?> AuditLogAsync(IResolveFieldContext context)
    {
        RequireAdmin(context);
        var where = Input(context, "where");
        var after = context.GetArgument<string?>("after");
        var query = new AuditQuery(
            PageSize(context),
            after,
            Value(where, "kind") as string,
            Value(where, "subjectId") as string,
            Value(where, "since") is string since ? DateTimeOffset.Parse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null);
        var page = await IdentityExecutionErrors.GuardAsync(() => Audit(context).ListAsync(query, context.CancellationToken));
        return ListingPage.From(page, after is not null);
    }

    public static async Task<object?> VerifyAuditLogAsync(IResolveFieldContext context)
    {
        RequireAdmin(context);
        return await Audit(context).VerifyAsync(context.CancellationToken);
    }

    public static async Task<object?> LoginAsync(IResolveFieldContext context)
    {
        var input = RequiredInput(context, "input");
        var username = (string)input["username"]!;
        var password = (string)input["password"]!;
        return await IdentityExecutionErrors.GuardAsync(() =>
            Identity(context).LoginAsync(username, password, RequestClient.Get(context), context.CancellationToken));
    }

    public static async Task<object?> RefreshTokenAsync(IResolveFieldContext context)
    {
        var token = (string)RequiredInput(context, "input")["refreshToken"]!;
        return await IdentityExecutionErrors.GuardAsync(() =>
            Identity(context).RefreshAsync(token, RequestClient.Get(context), context.CancellationToken));
    }

    public static async Task<object?> LogoutAsync(IResolveFieldContext context)
    {
        var actor = RequireActor(context);
        return await IdentityExecutionErrors.GuardAsync(() =>
            Identity(context).LogoutAsync(actor, RequestClient.Get(context), context.CancellationToken));
    }

    public static async Task<object?> RevokeSessionAsync(IResolveFieldContext context)
    {
        var actor = RequireActor(context);
        var id = context.GetArgument<string>("id");
        return await IdentityExecutionErrors.GuardAsync(() =>
            Identity(context).RevokeSessionAsync(actor, id, RequestClient.Get(context), context.CancellationToken));
    }

    public static async Task<object?> CreateUserAsync(IResolveFieldContext context)
    {
        var actor = RequireAdmin(context);
        var input = RequiredInput(context, "input");
        var user = new NewUser(
            (string)input["username"]!,
            (string)input["password"]!,
            Roles(Value(input, "roles")),
            Attributes(Value(input, "attributes")));
        return await IdentityExecutionErrors.GuardAsync(() =>
            Identity(context).CreateUserAsync(actor, user, RequestClient.Get(context), context.CancellationToken));
    }

    public static async Task<object?> UpdateUserAsync(IResolveFieldContext context)
    {
        var actor = RequireAdmin(context);
        var id = context.GetArgument<string>("id");
        var input = RequiredInput(context, "input");
        var changes = new UserChanges(
            Roles(Value(input, "roles")),
            Attributes(Value(input, "attributes")),
            Value(input, "disabled") as bool?,
            Value(input, "password") as string);
        return await IdentityExecutionErrors.GuardAsync(() =>
            Identity(context).UpdateUserAsync(actor, id, changes, RequestClient.Get(context), context.CancellationToken));
    }

    private int PageSize(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        if (first is null)
        {
            return paging.DefaultPageSize;
        }

        if (first < 0)
        {
            throw SchemaErrors.InvalidInput("'first' cannot be negative.");
        }

        return first > paging.MaxPageSize ? throw SchemaErrors.PageSizeExceeded("first", first.Value, paging.MaxPageSize) : first.Value;
    }

    private static Actor RequireActor(IResolveFieldContext context) =>
        Principals.ToActor(context.User) ?? throw IdentityExecutionErrors.Unauthenticated();

    private static Actor RequireAdmin(IResolveFieldContext context)
    {
        var actor = RequireActor(context);
        return actor.IsAdmin ? actor : throw IdentityExecutionErrors.Forbidden();
    }

    private static List<string>? Roles(object? value) =>
        value is null ? null : InputJson.AsList(value, "roles").Select(role => (string)role!).ToList();

    private static JsonObject? Attributes(object? value) => InputJson.ToJson(value) switch
    {
        null => null,
        JsonObject attributes => attributes,
        _ => throw SchemaErrors.InvalidInput("'attributes' must be a JSON object."),
    };

    private static object? Value(IDictionary<string, object?>? input, string name) =>
        input is not null && input.TryGetValue(name, out var value) ? value : null;

    private static IDictionary<string, object?>? Input(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value as IDictionary<string, object?> : null;

    private static IDictionary<string, object?> RequiredInput(IResolveFieldContext context, string name) =>
        InputJson.AsObject(Input(context, name), name);

    private static IIdentityService Identity(IResolveFieldContext context) => Service<IIdentityService>(context);

    private static IAuditLog Audit(IResolveFieldContext context) => Service<IAuditLog>(context);

    private static T Service<T>(IResolveFieldContext context)
        where T : class =>
        context.RequestServices?.GetService(typeof(T)) as T
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered; the identity services must be added to the container.");
}
