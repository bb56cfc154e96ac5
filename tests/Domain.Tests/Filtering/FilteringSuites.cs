using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Filtering;

// Each filtering and sorting suite runs once per SQL engine: a temp SQLite file and a PostgreSQL database on the
// test process's throw-away cluster (tests/Shared/PostgresServer.cs), both compared with the in-memory evaluators.
#pragma warning disable SA1649, SA1402

public sealed class SqliteFixedTasksFixture() : FixedTasksFixture(StoreKind.Sqlite);

public sealed class PostgresFixedTasksFixture() : FixedTasksFixture(StoreKind.PostgreSql);

public sealed class SqliteComparisonOperatorTests(SqliteFixedTasksFixture fixture)
    : ComparisonOperatorTests(fixture), IClassFixture<SqliteFixedTasksFixture>;

public sealed class PostgresComparisonOperatorTests(PostgresFixedTasksFixture fixture)
    : ComparisonOperatorTests(fixture), IClassFixture<PostgresFixedTasksFixture>;

public sealed class SqliteFilterStructureTests(SqliteFixedTasksFixture fixture)
    : FilterStructureTests(fixture), IClassFixture<SqliteFixedTasksFixture>;

public sealed class PostgresFilterStructureTests(PostgresFixedTasksFixture fixture)
    : FilterStructureTests(fixture), IClassFixture<PostgresFixedTasksFixture>;

public sealed class SqliteSortTests(SqliteFixedTasksFixture fixture)
    : SortTests(fixture), IClassFixture<SqliteFixedTasksFixture>;

public sealed class PostgresSortTests(PostgresFixedTasksFixture fixture)
    : SortTests(fixture), IClassFixture<PostgresFixedTasksFixture>;

public sealed class SqliteFilterPropertyTests() : FilterPropertyTests(StoreKind.Sqlite);

public sealed class PostgresFilterPropertyTests() : FilterPropertyTests(StoreKind.PostgreSql);

public sealed class SqliteSortPagingPropertyTests() : SortPagingPropertyTests(StoreKind.Sqlite);

public sealed class PostgresSortPagingPropertyTests() : SortPagingPropertyTests(StoreKind.PostgreSql);
