using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>The store's table layout for the test model on one SQL engine, filled with given documents.</summary>
internal interface IFilteringDatabase : IDisposable
{
    /// <summary>The dialect the engine's SQL is written in.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Ids of the rows of <paramref name="collection"/> (aliased <c>t</c>) selected by the SQL, in result order.</summary>
    List<string> Ids(CollectionDefinition collection, string where, string orderBy, int? limit, SqlParameterBag parameters);
}
