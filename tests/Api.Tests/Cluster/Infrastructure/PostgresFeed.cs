using Npgsql;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// The change feed as the PostgreSQL database holds it, read on a connection of the test's own rather than through a
/// node, so what the subscribers received is compared with the store itself.
/// </summary>
public static class PostgresFeed
{
    /// <summary>The sequences of every change after <paramref name="after"/>, ascending.</summary>
    public static async Task<IReadOnlyList<long>> SequencesAfterAsync(string connectionString, long after)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand("SELECT sequence FROM cs_changes WHERE sequence > @after ORDER BY sequence", connection);
        command.Parameters.AddWithValue("after", after);
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        var sequences = new List<long>();
        while (await reader.ReadAsync(timeout.Token))
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }
}
