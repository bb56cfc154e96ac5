using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>A temp SQLite file with the store's table layout for the test model, filled with given documents.</summary>
internal sealed class FilteringDatabase : IFilteringDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"filtering-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;

    public FilteringDatabase(IEnumerable<Document> documents)
    {
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        _connection.Open();
        using var transaction = _connection.BeginTransaction();
        foreach (var collection in FilteringTestModel.Model.Collections)
        {
            Execute(
                $"CREATE TABLE {SqlNames.Table(collection)} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, "
                + "updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT, data TEXT NOT NULL)");
        }

        foreach (var doc in documents)
        {
            Insert(doc);
        }

        transaction.Commit();
    }

    public ISqlDialect Dialect => SqliteDialect.Instance;

    public List<string> Ids(CollectionDefinition collection, string where, string orderBy, int? limit, SqlParameterBag parameters)
    {
        using var command = _connection.CreateCommand();
        var limitClause = limit is null ? string.Empty : $" LIMIT {limit.Value}";
        command.CommandText = $"SELECT t.id FROM {SqlNames.Table(collection)} AS t WHERE {where} ORDER BY {orderBy}{limitClause}";
        foreach (var (name, value) in parameters.Items)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>The details of SQLite's query plan for a statement.</summary>
    public List<string> Plan(string sql, SqlParameterBag parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters.Items)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var details = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }

    private void Insert(Document doc)
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {SqlNames.Table(FilteringTestModel.Model.GetCollection(doc.Collection))} "
            + "VALUES (@id, @version, @createdAt, @updatedAt, @createdBy, @updatedBy, @data)";
        command.Parameters.AddWithValue("@id", doc.Id);
        command.Parameters.AddWithValue("@version", doc.Version);
        command.Parameters.AddWithValue("@createdAt", DateTimeFormat.Format(doc.CreatedAt));
        command.Parameters.AddWithValue("@updatedAt", DateTimeFormat.Format(doc.UpdatedAt));
        command.Parameters.AddWithValue("@createdBy", (object?)doc.CreatedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("@updatedBy", (object?)doc.UpdatedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("@data", doc.Data.ToJsonString());
        command.ExecuteNonQuery();
    }
}
