using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// Creates notes through one node, one request after the other, until stopped, and records every answer with the
/// time it arrived (on a clock the test shares between writers): a created note, a refusal because the store is
/// unavailable (503 with <c>STORE_UNAVAILABLE</c>), or anything else. A writer with a token authenticates every request,
/// so the node checks the session in its identity tables whenever its short identity cache expires.
/// </summary>
public sealed class RecordingWriter : IAsyncDisposable
{
    private const string CreateNote = "mutation($t: String!) { createNote(input: { text: $t }) { id text } }";

    private readonly Lock _lock = new();
    private readonly List<WriteAnswer> _answers = [];
    private readonly HttpClient _client;
    private readonly Stopwatch _clock;
    private readonly CancellationTokenSource _stop = new();
    private Task _writing = Task.CompletedTask;

    private RecordingWriter(ClusterNode node, string name, HttpClient client, Stopwatch clock)
    {
        Node = node;
        Name = name;
        _client = client;
        _clock = clock;
    }

    /// <summary>The node this writer writes through.</summary>
    public ClusterNode Node { get; }

    public string Name { get; }

    public IReadOnlyList<WriteAnswer> Answers
    {
        get
        {
            lock (_lock)
            {
                return [.. _answers];
            }
        }
    }

    /// <summary>Starts writing through <paramref name="node"/>, as <paramref name="accessToken"/>'s user or anonymously.</summary>
    public static RecordingWriter Start(ClusterNode node, string name, Stopwatch clock, string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var writer = new RecordingWriter(node, name, client, clock);
        writer._writing = Task.Run(writer.WriteAsync);
        return writer;
    }

    /// <summary>The answers of <paramref name="kind"/> that arrived after <paramref name="since"/> on the shared clock.</summary>
    public int Count(WriteOutcome kind, TimeSpan since = default) => Answers.Count(a => a.Outcome == kind && a.At > since);

    /// <summary>Stops after the request in flight; returns once the writer has stopped.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _writing.WaitAsync(TimeSpan.FromSeconds(45));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _writing.WaitAsync(TimeSpan.FromSeconds(45)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task WriteAsync()
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var text = $"{Name}-{i}";
            var answer = await SendAsync(text);
            lock (_lock)
            {
                _answers.Add(answer);
            }

            if (answer.Status == 0)
            {
                // The node could not be reached at all: every further request would fail the same way.
                return;
            }
        }
    }

    private async Task<WriteAnswer> SendAsync(string text)
    {
        GraphQLResponse response;
        try
        {
            response = await GraphQLHttp.PostJsonAsync(_client, new { query = CreateNote, variables = new { t = text } });
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new WriteAnswer(_clock.Elapsed, WriteOutcome.Other, text, null, 0, null, ex.Message);
        }

        var at = _clock.Elapsed;
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(response.Text).RootElement;
        }
        catch (JsonException)
        {
            return new WriteAnswer(at, WriteOutcome.Other, text, null, (int)response.Status, null, response.Text);
        }

        var hasData = body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;
        var hasErrors = body.TryGetProperty("errors", out _);
        if (response.Status == HttpStatusCode.OK && hasData && !hasErrors
            && data.TryGetProperty("createNote", out var created) && created.ValueKind == JsonValueKind.Object)
        {
            return new WriteAnswer(at, WriteOutcome.Created, text, created.GetProperty("id").GetString(), 200, null, response.Text);
        }

        var code = hasErrors ? response.FirstErrorCode : null;
        var refused = response.Status == HttpStatusCode.ServiceUnavailable
            && code == Domain.Store.StoreUnavailableCode.Value
            && response.Headers.RetryAfter is not null
            && !hasData;
        return new WriteAnswer(at, refused ? WriteOutcome.Refused : WriteOutcome.Other, text, null, (int)response.Status, code, response.Text);
    }
}
