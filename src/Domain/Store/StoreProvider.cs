namespace CollectionStore.Domain.Store;

/// <summary>Which database holds the documents, the change feed and the identity tables (<c>Store:Provider</c>).</summary>
public enum StoreProvider
{
    /// <summary>The embedded default: one SQLite file, shared by the nodes of one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that nodes on any host reach.</summary>
    PostgreSql,
}
