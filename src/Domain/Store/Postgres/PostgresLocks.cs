namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// The advisory lock keys Collection Store takes in PostgreSQL (<c>pg_advisory_xact_lock</c>), shared by every node
/// on the database. Schema migration takes <see cref="Migration"/> so one node at a time creates or alters tables;
/// identity writes take <see cref="IdentityWrite"/> so the audit hash chain stays linear across nodes.
/// </summary>
public static class PostgresLocks
{
    public const long Migration = 0x4353_4D49_4752;

    public const long IdentityWrite = 0x4353_4944_454E;
}
