using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectionStore.Api.Health;

/// <summary>
/// Writes <c>GET /health</c> as <c>{"status": …, "dependencies": {"store": {"status": …}, "bus": {…}}}</c>;
/// exception details stay in the log.
/// </summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteStartObject("dependencies");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString());
            foreach (var (key, value) in entry.Data)
            {
                writer.WriteString(key, value.ToString());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
