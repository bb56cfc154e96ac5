using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Execution;
using GraphQL.Types;
using Microsoft.AspNetCore.WebUtilities;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// An operation queued before its reservation's stream connects only starts when the stream does, possibly on
/// another node. On one node a subscription POSTed early starts at once and buffers its events until the stream
/// connects; here it gets <c>since</c> = the store's latest sequence when it was POSTed, so the engine replays
/// exactly the changes committed in between. A <c>since</c> the client wrote itself is kept.
/// </summary>
internal static class SseQueuedSince
{
    public static SseForwardedRequest Pin(SseForwardedRequest forwarded, GraphQLExecutionRequest request, long since, ISchema schema)
    {
        var pinned = LastEventIdResume.Apply(request, since, schema, keepGiven: true);
        if (ReferenceEquals(pinned, request))
        {
            return forwarded;
        }

        return forwarded.IsGet
            ? forwarded with { QueryString = WithQuery(forwarded.QueryString, pinned.Query) }
            : forwarded with { Body = WithQuery(forwarded.Body, pinned.Query) };
    }

    private static byte[] WithQuery(byte[] body, string query)
    {
        // The body already passed the request reader, so it is a JSON object.
        var json = JsonNode.Parse(body)!.AsObject();
        json["query"] = query;
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    private static string WithQuery(string queryString, string query)
    {
        var parameters = QueryHelpers.ParseQuery(queryString);
        parameters["query"] = query;
        return QueryString.Create(parameters).Value ?? string.Empty;
    }
}
