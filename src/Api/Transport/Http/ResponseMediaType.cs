namespace CollectionStore.Api.Transport.Http;

/// <summary>The response media types of GraphQL over HTTP.</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/graphql-response+json</c>: request errors are 4xx and carry no <c>data</c>.</summary>
    GraphQLResponseJson,

    /// <summary><c>application/json</c>: the legacy type; every well-formed request gets 200.</summary>
    Json,
}
