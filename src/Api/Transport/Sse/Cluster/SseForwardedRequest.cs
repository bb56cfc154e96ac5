using System.Net;
using System.Security.Claims;
using CollectionStore.Api.Identity;
using Microsoft.Extensions.Primitives;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// A single-connection request (an operation POST/GET, or a DELETE) as the receiving node authenticated it, sent
/// to the node that holds the reservation's stream, which runs it exactly as if it had arrived there. The caller's
/// identity travels as the claims the receiving node verified (never anything the client wrote), so the stream's
/// node authorizes the operation as the caller and checks the caller owns the reservation itself.
/// </summary>
internal sealed record SseForwardedRequest(
    string Token,
    string Method,
    string QueryString,
    string? Accept,
    string? ContentType,
    string? Origin,
    string? RemoteAddress,
    byte[] Body,
    string? OperationId,
    string? AuthenticationType,
    IReadOnlyList<SseForwardedClaim> Claims,
    DateTimeOffset? EndsAt)
{
    public bool IsGet => HttpMethods.IsGet(Method);

    /// <summary>Captures the request; <paramref name="body"/> is what was read of it (bounded by the request limit).</summary>
    public static SseForwardedRequest From(HttpContext context, string token, byte[] body, string? operationId)
    {
        var request = context.Request;
        var authentication = HttpAuthentication.Of(context);
        var identity = authentication.Principal?.Identity;
        return new SseForwardedRequest(
            token,
            request.Method,
            request.QueryString.Value ?? string.Empty,
            Header(request.Headers.Accept),
            request.ContentType,
            Header(request.Headers.Origin),
            context.Connection.RemoteIpAddress?.ToString(),
            body,
            operationId,
            identity?.AuthenticationType,
            authentication.Principal is { } principal ? [.. principal.Claims.Select(c => new SseForwardedClaim(c.Type, c.Value))] : [],
            authentication.EndsAt);
    }

    /// <summary>An HTTP context carrying this request, as the handler of single connection mode expects it.</summary>
    public DefaultHttpContext ToContext(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = Method;
        request.Path = "/graphql";
        request.QueryString = new QueryString(QueryString);
        request.Headers[SseToken.HeaderName] = Token;
        SetHeader(request.Headers, "Accept", Accept);
        SetHeader(request.Headers, "Origin", Origin);
        request.ContentType = ContentType;
        request.ContentLength = Body.Length;
        request.Body = new MemoryStream(Body, writable: false);
        if (RemoteAddress is not null && IPAddress.TryParse(RemoteAddress, out var address))
        {
            context.Connection.RemoteIpAddress = address;
        }

        var authentication = Authentication();
        context.Features.Set(authentication);
        if (authentication.Principal is { } principal)
        {
            context.User = principal;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private AuthenticationResult Authentication()
    {
        if (Claims.Count == 0 || AuthenticationType is null)
        {
            return AuthenticationResult.Anonymous;
        }

        var identity = new ClaimsIdentity(
            Claims.Select(c => new Claim(c.Type, c.Value)),
            AuthenticationType,
            Principals.SubjectClaim,
            Principals.RoleClaim);
        return new AuthenticationResult(new ClaimsPrincipal(identity), Failure: null, EndsAt);
    }

    private static string? Header(StringValues values) => values.Count > 0 ? values.ToString() : null;

    private static void SetHeader(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}
