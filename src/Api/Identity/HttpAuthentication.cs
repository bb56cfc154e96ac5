using System.Text.Json.Nodes;
using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Authorization.Audit;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Identity;

/// <summary>
/// Authenticates a <c>/graphql</c> HTTP request (plain, SSE and multipart alike) before anything else runs. A bad
/// credential is 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> and a GraphQL error with code
/// <c>UNAUTHENTICATED</c>; it never falls back to anonymous. A token whose session cannot be checked because the store
/// is unreachable is 503 with <c>Retry-After</c> and code <c>STORE_UNAVAILABLE</c>, like any request that needs the store.
/// The result is kept on the request for the streams.
/// </summary>
internal sealed class HttpAuthentication(RequestAuthenticator authenticator, IAuditLog audit, ILogger<HttpAuthentication> logger)
{
    public const string UnauthenticatedCode = "UNAUTHENTICATED";

    /// <summary>The authentication of this request, set by <see cref="TryAuthenticateAsync"/>.</summary>
    public static AuthenticationResult Of(HttpContext context) =>
        context.Features.Get<AuthenticationResult>() ?? AuthenticationResult.Anonymous;

    /// <summary>Authenticates; false when the request was refused and already answered.</summary>
    public async Task<bool> TryAuthenticateAsync(HttpContext context, bool eventStream)
    {
        var allowQuery = eventStream && HttpMethods.IsGet(context.Request.Method);
        AuthenticationResult result;
        try
        {
            result = await authenticator.AuthenticateAsync(BearerToken.FromHttp(context.Request, allowQuery), context.RequestAborted);
        }
        catch (StoreUnavailableException ex)
        {
            // The token may be perfectly valid: only its session's state is out of reach, and the database is expected back.
            IdentityLog.AuthenticationUnavailable(logger, ex.GetBaseException().Message);
            context.Response.Headers.RetryAfter = "1";
            await StreamResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ex.Message, StoreUnavailableCode.Value, context.RequestAborted);
            return false;
        }

        if (result.Failure is { } failure)
        {
            var client = RequestClient.FromHttp(context, "http");
            IdentityLog.Refused(logger, "http", client.Address, failure);
            audit.Record(new AuditEvent(
                AuditKinds.ConnectionRejected,
                Address: client.Address,
                Protocol: eventStream ? "sse" : "http",
                Origin: client.Origin,
                Detail: new JsonObject { ["reason"] = failure }));
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await StreamResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, failure, UnauthenticatedCode, context.RequestAborted);
            return false;
        }

        context.Features.Set(result);
        if (result.Principal is { } principal)
        {
            context.User = principal;
        }

        return true;
    }
}
