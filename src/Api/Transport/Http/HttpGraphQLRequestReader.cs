using System.Text.Json;
using CollectionStore.Api.Execution;
using Microsoft.Net.Http.Headers;

namespace CollectionStore.Api.Transport.Http;

/// <summary>
/// Reads the GraphQL request parameters from a POST body (<c>application/json</c>, UTF-8) or from GET query
/// parameters, and refuses anything malformed: not JSON, not an object, a non-string <c>query</c> or
/// <c>operationName</c>, non-object <c>variables</c> or <c>extensions</c>. <c>null</c> is accepted for the optional ones.
/// </summary>
internal sealed class HttpGraphQLRequestReader(GraphQLHttpStatusProfile status, int maxRequestBytes)
{
    // JsonDocument parses iteratively, so nesting bounded only by the body size is safe here; the executor
    // enforces the real variables depth limit, with its own error code, before anything recurses.
    private readonly JsonDocumentOptions _parseOptions = new() { MaxDepth = maxRequestBytes };

    public async Task<HttpRequestReadResult> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJsonUtf8(request.ContentType))
        {
            return HttpRequestReadResult.Failure(status.UnsupportedMediaType, "POST requests must have Content-Type application/json with UTF-8.");
        }

        if (request.ContentLength > maxRequestBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        if (body.Length == 0)
        {
            return Malformed("The request body is empty.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, _parseOptions);
            return FromJsonObject(document.RootElement);
        }
        catch (JsonException)
        {
            return Malformed("The request body is not valid JSON.");
        }
    }

    public HttpRequestReadResult ReadGet(IQueryCollection query)
    {
        var text = query["query"];
        if (text.Count != 1 || string.IsNullOrEmpty(text[0]))
        {
            return Malformed("The 'query' parameter is required.");
        }

        var operationName = query["operationName"];
        if (!TryParseParameter(query["variables"], out var variables) || !TryParseParameter(query["extensions"], out var extensions))
        {
            return Malformed("The 'variables' and 'extensions' parameters must be JSON objects.");
        }

        var name = operationName.Count == 1 && operationName[0] is { Length: > 0 } value ? value : null;
        return HttpRequestReadResult.Success(new GraphQLExecutionRequest(text[0]!, name, variables, extensions));
    }

    private HttpRequestReadResult FromJsonObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Malformed("The request body must be a JSON object.");
        }

        if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return Malformed("The 'query' parameter is required and must be a string.");
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var name))
        {
            if (name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return Malformed("The 'operationName' parameter must be a string.");
            }

            operationName = name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        }

        if (!TryGetObject(root, "variables", out var variables) || !TryGetObject(root, "extensions", out var extensions))
        {
            return Malformed("The 'variables' and 'extensions' parameters must be JSON objects.");
        }

        return HttpRequestReadResult.Success(new GraphQLExecutionRequest(query.GetString()!, operationName, variables, extensions));
    }

    private static bool TryGetObject(JsonElement root, string name, out JsonElement? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        value = element.Clone();
        return true;
    }

    private bool TryParseParameter(Microsoft.Extensions.Primitives.StringValues values, out JsonElement? value)
    {
        value = null;
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return values.Count <= 1;
        }

        try
        {
            using var document = JsonDocument.Parse(values[0]!, _parseOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return values.Count == 1;
            }

            value = document.RootElement.Clone();
            return values.Count == 1 && document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxRequestBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsJsonUtf8(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(GraphQLHttpMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(parsed.Charset);
        return !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private HttpRequestReadResult Malformed(string message) => HttpRequestReadResult.Failure(status.MalformedRequest, message);

    private HttpRequestReadResult TooLarge() =>
        HttpRequestReadResult.Failure(status.RequestTooLarge, $"The request body is larger than {maxRequestBytes} bytes.");
}
