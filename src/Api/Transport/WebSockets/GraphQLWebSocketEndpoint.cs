using CollectionStore.Api.Execution;
using CollectionStore.Api.Identity;
using CollectionStore.Authorization.Audit;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.GraphQLWs;
using CollectionStore.Api.Transport.LegacyWs;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades on <c>/graphql</c>. Browser upgrades from an origin outside
/// <c>Subscriptions:AllowedOrigins</c> get 403. The sub-protocol <c>graphql-transport-ws</c> is preferred and the
/// legacy <c>graphql-ws</c> accepted; a request offering neither is accepted and then closed with 4406, so every
/// client sees the graphql-ws close code instead of a failed handshake it cannot interpret.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    GraphQLRequestExecutor executor,
    SubscriptionEngine engine,
    GraphQLSerializer serializer,
    SubscriptionMetrics metrics,
    IOptions<SubscriptionOptions> options,
    RequestAuthenticator authenticator,
    LiveConnections live,
    IAuditLog audit,
    IServiceProvider services,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string GraphQLTransportWs = "graphql-transport-ws";
    public const string LegacyGraphQLWs = "graphql-ws";

    private readonly SubscriptionOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        if (!IsOriginAllowed(context.Request.Headers.Origin.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var protocol = requested.Contains(GraphQLTransportWs) ? GraphQLTransportWs
            : requested.Contains(LegacyGraphQLWs) ? LegacyGraphQLWs
            : null;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
        using var sender = new SenderScope(new WebSocketSender(socket, _options.SendQueueCapacity));
        using var session = new WebSocketSession(socket, sender.Sender, _options.MaxMessageBytes, GraphQLWsCloseCodes.BadRequest);
        var aborted = context.RequestAborted;
        var sending = sender.Sender.RunAsync(aborted);
        metrics.ConnectionOpened();
        try
        {
            if (protocol is null)
            {
                session.Close(GraphQLWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
                await session.ReceiveAllAsync(_ => ValueTask.CompletedTask, aborted);
                return;
            }

            var client = RequestClient.FromHttp(context, protocol);
            using var identity = new ConnectionIdentity(authenticator, live, audit, BearerToken.FromHeader(context.Request.Headers.Authorization.ToString()), client);
            await RunProtocolAsync(protocol, session, identity, aborted);
        }
        finally
        {
            // Completes the closing handshake when the peer closed first (otherwise it sees 1006).
            session.Close(1000, string.Empty);
            metrics.ConnectionClosed();
            sender.Sender.Complete();
            await IgnoreFailureAsync(sending);
        }
    }

    private async Task RunProtocolAsync(string protocol, WebSocketSession session, ConnectionIdentity identity, CancellationToken cancellationToken)
    {
        var frames = protocol == GraphQLTransportWs ? OperationFrames.GraphQLWs(serializer) : OperationFrames.Legacy(serializer);
        var runner = new OperationRunner(executor, engine, serializer, services, identity, session.Sender, frames, _options.MaxOperationsPerConnection);
        try
        {
            var run = protocol == GraphQLTransportWs
                ? new GraphQLWsConnection(session, runner, identity, _options, logger).RunAsync(cancellationToken)
                : new LegacyWsConnection(session, runner, identity, _options).RunAsync(cancellationToken);
            await IgnoreFailureAsync(run);
        }
        finally
        {
            await runner.StopAllAsync();
        }
    }

    private bool IsOriginAllowed(string origin) =>
        _options.AllowedOrigins.Length == 0 || origin.Length == 0
        || _options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);

    // A peer that vanishes mid-message surfaces as an exception from the socket; the connection is over either way.
    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private sealed class SenderScope(WebSocketSender sender) : IDisposable
    {
        public WebSocketSender Sender => sender;

        public void Dispose() => sender.Complete();
    }
}
