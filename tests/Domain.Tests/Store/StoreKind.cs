namespace CollectionStore.Domain.Tests.Store;

/// <summary>Which provider a store contract suite runs against.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}
