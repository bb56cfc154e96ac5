namespace CollectionStore.Domain.Tests.Store;

// Each store contract suite runs once per provider: the embedded SQLite file and a PostgreSQL database on the test
// process's throw-away cluster (tests/Shared/PostgresServer.cs).
#pragma warning disable SA1649, SA1402

public sealed class SqliteChangeFeedTests() : ChangeFeedContractTests(StoreKind.Sqlite);

public sealed class PostgresChangeFeedTests() : ChangeFeedContractTests(StoreKind.PostgreSql);

public sealed class SqliteDocumentWriteTests() : DocumentWriteContractTests(StoreKind.Sqlite);

public sealed class PostgresDocumentWriteTests() : DocumentWriteContractTests(StoreKind.PostgreSql);

public sealed class SqliteMigrationTests() : MigrationContractTests(StoreKind.Sqlite);

public sealed class PostgresMigrationTests() : MigrationContractTests(StoreKind.PostgreSql);

public sealed class SqliteQueryTests() : QueryContractTests(StoreKind.Sqlite);

public sealed class PostgresQueryTests() : QueryContractTests(StoreKind.PostgreSql);
