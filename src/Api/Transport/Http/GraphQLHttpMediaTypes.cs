namespace CollectionStore.Api.Transport.Http;

/// <summary>Media type names used by the GraphQL-over-HTTP transport.</summary>
internal static class GraphQLHttpMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";
    public const string JsonUtf8 = Json + "; charset=utf-8";

    public static string ContentType(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonUtf8 : JsonUtf8;
}
