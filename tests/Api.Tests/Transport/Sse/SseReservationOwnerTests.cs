using System.Security.Claims;
using CollectionStore.Api.Transport.Sse;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.Sse;

/// <summary>
/// A reservation belongs to the subject that made it. Identity arrives with a later issue, so these tests give the
/// handler requests with a <c>sub</c> claim directly.
/// </summary>
public sealed class SseReservationOwnerTests
{
    [Fact]
    public async Task AnotherSubject_CannotOpenPostToOrDeleteFromTheReservation()
    {
        await using var server = await SseServer.StartAsync();
        var handler = server.Services.GetRequiredService<SseSingleConnectionHandler>();
        var reserve = Request(server, "alice", "PUT");
        await handler.ReserveAsync(reserve);
        var token = Body(reserve);

        var open = Request(server, "mallory", "GET");
        await handler.OpenStreamAsync(open, token);
        var post = Request(server, "mallory", "POST");
        await handler.ExecuteAsync(post, token, isGet: false);
        var delete = Request(server, null, "DELETE", "?operationId=x");
        await handler.StopOperationAsync(delete, token);
        var ownDelete = Request(server, "alice", "DELETE", "?operationId=x");
        await handler.StopOperationAsync(ownDelete, token);

        Assert.Equal(StatusCodes.Status201Created, reserve.Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, open.Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, post.Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, delete.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, ownDelete.Response.StatusCode);
    }

    private static DefaultHttpContext Request(Infrastructure.ApiServer server, string? subject, string method, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = server.Services };
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        if (subject is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject)], "test"));
        }

        return context;
    }

    private static string Body(DefaultHttpContext context) =>
        System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
