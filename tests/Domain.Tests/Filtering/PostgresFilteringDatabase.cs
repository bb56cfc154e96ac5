using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using CollectionStore.Tests.Postgres;
using Npgsql;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>
/// The PostgreSQL twin of <see cref="FilteringDatabase"/>: a fresh database on the test process's throw-away cluster
/// with the store's table layout (<see cref="PostgresDocumentRows"/>) for the test model, filled with given documents.
/// </summary>
internal sealed class PostgresFilteringDatabase : IFilteringDatabase
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly NpgsqlConnection _connection;

    private PostgresFilteringDatabase(NpgsqlConnection connection) => _connection = connection;

    public ISqlDialect Dialect => PostgresDialect.Instance;

    public static async Task<PostgresFilteringDatabase> OpenAsync(IEnumerable<Document> documents, CollectionModel? model = null)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var server = await PostgresServer.SharedAsync().WaitAsync(timeout.Token);
        var builder = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(timeout.Token)) { Pooling = false, CommandTimeout = 60 };
        var connection = new NpgsqlConnection(builder.ToString());
        var database = new PostgresFilteringDatabase(connection);
        try
        {
            await connection.OpenAsync(timeout.Token);
            await database.FillAsync(model ?? FilteringTestModel.Model, documents, timeout.Token);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public List<string> Ids(CollectionDefinition collection, string where, string orderBy, int? limit, SqlParameterBag parameters)
    {
        var limitClause = limit is null ? string.Empty : $" LIMIT {limit.Value}";
        using var command = Command($"SELECT t.id FROM {SqlNames.Table(collection)} AS t WHERE {where} ORDER BY {orderBy}{limitClause}", parameters);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>PostgreSQL's plan for a statement, as <c>EXPLAIN (FORMAT JSON)</c> prints it.</summary>
    public async Task<JsonNode> ExplainAsync(string sql, SqlParameterBag parameters)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await using var command = Command("EXPLAIN (FORMAT JSON) " + sql, parameters);
        var plan = (string?)await command.ExecuteScalarAsync(timeout.Token);
        return JsonNode.Parse(plan!)!;
    }

    public async Task ExecuteAsync(string sql)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(timeout.Token);
    }

    public void Dispose() => _connection.Dispose();

    private NpgsqlCommand Command(string sql, SqlParameterBag parameters)
    {
        var command = new NpgsqlCommand(sql, _connection);
        foreach (var (name, value) in parameters.Items)
        {
            command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
        }

        return command;
    }

    private async Task FillAsync(CollectionModel model, IEnumerable<Document> documents, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(_connection, transaction);
        foreach (var collection in model.Collections)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresDocumentRows.CreateTable(collection)));
        }

        foreach (var doc in documents)
        {
            var insert = new NpgsqlBatchCommand(
                $"INSERT INTO {SqlNames.Table(model.GetCollection(doc.Collection))} (id, version, created_at, updated_at, created_by, updated_by, data) "
                + "VALUES (@id, @version, @created_at, @updated_at, @created_by, @updated_by, @data::jsonb)");
            foreach (var (name, value) in DocumentRows.Parameters(doc))
            {
                insert.Parameters.Add(new NpgsqlParameter(name.TrimStart('@'), value ?? DBNull.Value));
            }

            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
