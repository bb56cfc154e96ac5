using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>An HTTP response of the GraphQL endpoint, read fully, with helpers for its JSON body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public bool HasData => Json.TryGetProperty("data", out _);

    public JsonElement FirstError => Json.GetProperty("errors")[0];

    public string? FirstErrorCode =>
        FirstError.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
}
