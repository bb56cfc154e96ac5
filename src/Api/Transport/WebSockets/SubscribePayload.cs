using System.Text.Json;
using CollectionStore.Api.Execution;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// Reads the <c>payload</c> of a <c>subscribe</c> (or legacy <c>start</c>) message: <c>query</c> a string;
/// <c>operationName</c> a string or null; <c>variables</c> and <c>extensions</c> objects or null. Anything else
/// is an invalid message.
/// </summary>
internal static class SubscribePayload
{
    public static GraphQLExecutionRequest? Read(JsonElement message)
    {
        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (!TryOptional(payload, "operationName", JsonValueKind.String, out var operationName)
            || !TryOptional(payload, "variables", JsonValueKind.Object, out var variables)
            || !TryOptional(payload, "extensions", JsonValueKind.Object, out var extensions))
        {
            return null;
        }

        // Cloned: the message's document is released once it has been handled, the operation lives on.
        return new GraphQLExecutionRequest(query.GetString()!, operationName?.GetString(), variables?.Clone(), extensions?.Clone());
    }

    private static bool TryOptional(JsonElement payload, string name, JsonValueKind kind, out JsonElement? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != kind)
        {
            return false;
        }

        value = element;
        return true;
    }
}
