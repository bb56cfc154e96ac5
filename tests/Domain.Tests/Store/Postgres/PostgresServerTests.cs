using CollectionStore.Tests.Postgres;
using Npgsql;

namespace CollectionStore.Domain.Tests.Store.Postgres;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task CreateDatabase_OnSharedServer_AcceptsConnections()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database();", connection);
        var name = (string?)await command.ExecuteScalarAsync();
        Assert.StartsWith("cs_", name, StringComparison.Ordinal);
    }
}
