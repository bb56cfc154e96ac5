namespace CollectionStore.Api.Transport.GraphQLWs;

/// <summary>The close codes of the graphql-ws protocol (PROTOCOL.md of the npm package <c>graphql-ws</c>).</summary>
internal static class GraphQLWsCloseCodes
{
    public const int InternalServerError = 4500;
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>Ours: the peer did not answer a keep-alive ping within an interval (policy violation).</summary>
    public const int KeepAliveTimeout = 1008;
}
