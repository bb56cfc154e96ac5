using CollectionStore.Authorization.Identity;
using GraphQL;

namespace CollectionStore.Api.Identity;

/// <summary>
/// Where the current GraphQL request came from (address, protocol, origin), carried in the execution's user
/// context so resolvers can rate limit and audit without knowing the transport.
/// </summary>
internal static class RequestClient
{
    public const string UserContextKey = "CollectionStore.Client";

    public static ClientInfo Get(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(UserContextKey, out var value) && value is ClientInfo client ? client : ClientInfo.Unknown;

    public static ClientInfo FromHttp(HttpContext context, string protocol) =>
        new(context.Connection.RemoteIpAddress?.ToString(), protocol, context.Request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : null);
}
