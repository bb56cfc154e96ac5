using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>
/// A PostgreSQL database in the store's layout with the indexes the store's migration creates for the model (built
/// from the same expressions), filled and analyzed: many projects and few tasks. PostgreSQL plans a relation filter's
/// EXISTS as a semi-join; it probes the related table's primary key when the matching rows are few next to that table,
/// and hashes the whole table otherwise, so the data has that shape.
/// </summary>
public sealed class PostgresIndexedTasksFixture : IAsyncLifetime
{
    private const string Sdl = """
        type Project @collection {
          name: String! @unique
          ownerId: ID!
          archived: Boolean! @default(value: false)
          tasks: [Task!]! @hasMany(field: "projectId")
        }

        type Task @collection {
          projectId: ID! @index
          project: Project @belongsTo(field: "projectId")
          title: String!
          done: Boolean! @default(value: false)
          priority: Int! @default(value: 0)
          assigneeId: ID @index
          rank: Int @index
          score: Float @index
        }
        """;

    public CollectionModel Model { get; } = ModelParser.Parse(Sdl, "indexed.graphql");

    internal PostgresFilteringDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await PostgresFilteringDatabase.OpenAsync([], Model);
        foreach (var collection in Model.Collections)
        {
            foreach (var (name, (field, unique)) in SchemaPlan.WantedIndexes(Model, collection))
            {
                await Database.ExecuteAsync(PostgresSchemaMigrator.CreateIndex(collection, name, field, unique));
            }
        }

        await Database.ExecuteAsync("""
            INSERT INTO "doc_Project" (id, version, created_at, updated_at, created_by, updated_by, data)
            SELECT 'p' || i, 1, '2024-01-01T00:00:00.0000000Z', '2024-01-01T00:00:00.0000000Z', NULL, NULL,
                jsonb_build_object('name', 'Project ' || i, 'ownerId', 'u' || (i % 300), 'archived', i % 10 = 0)
            FROM generate_series(1, 60000) AS i;
            INSERT INTO "doc_Task" (id, version, created_at, updated_at, created_by, updated_by, data)
            SELECT 't' || i, 1, '2024-01-01T00:00:00.0000000Z', '2024-01-01T00:00:00.0000000Z', NULL, NULL,
                jsonb_build_object('projectId', 'p' || (1 + i * 149 % 60000), 'title', 'Task ' || i, 'done', i % 25 <> 0,
                    'priority', i % 5, 'assigneeId', 'u' || (i % 500), 'rank', i, 'score', i / 2.0)
            FROM generate_series(1, 400) AS i;
            ANALYZE;
            """);
    }

    public Task DisposeAsync()
    {
        Database?.Dispose();
        return Task.CompletedTask;
    }
}
