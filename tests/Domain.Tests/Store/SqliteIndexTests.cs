using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Tests.Store;

public sealed class SqliteIndexTests
{
    [Theory]
    [InlineData("Task", "projectId", "ix_Task_projectId")]
    [InlineData("Project", "name", "ux_Project_name")]
    public async Task Open_IndexedField_FilterFromTranslatorUsesExpressionIndex(string collection, string field, string index)
    {
        await using var temp = new TempStore();
        var store = await temp.OpenAsync();
        var definition = store.Model.GetCollection(collection);
        var parameters = new SqlParameterBag();
        var condition = new SqlFilterTranslator(store.Model).Translate(
            definition, new ComparisonFilter(field, ComparisonOperator.Eq, JsonValue.Create("x")), "t", parameters);

        await using var connection = new SqliteConnection(temp.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT t.id FROM {SqlNames.Table(definition)} AS t WHERE {condition};";
        foreach (var (name, value) in parameters.Items)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }
}
