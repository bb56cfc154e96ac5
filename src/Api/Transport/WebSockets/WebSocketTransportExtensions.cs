using CollectionStore.Api.Transport.Http;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>Registers and maps the WebSocket transports on the GraphQL path.</summary>
internal static class WebSocketTransportExtensions
{
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services) =>
        services.AddSingleton<GraphQLWebSocketEndpoint>();

    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app)
    {
        app.UseWebSockets();
        return app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest && context.Request.Path == GraphQLHttpEndpointExtensions.Path)
            {
                await context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().HandleAsync(context);
                return;
            }

            await next(context);
        });
    }
}
