using System.Data.Common;
using System.Globalization;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store;

/// <summary>
/// One page per foreign-key value in ONE statement, for <c>@hasMany</c> batching, on every provider: window functions
/// partitioned by the key number the rows inside the cursor window (ROW_NUMBER), count each key's matches (COUNT) and
/// the matches outside the window on either side (SUM). Besides the page rows, the first row of every key is returned
/// so keys whose window is empty still report their counts. A provider supplies the key's SQL value, how the keys are
/// bound, and the connection.
/// </summary>
internal sealed class GroupedPages
{
    private const int KeyColumn = 7;

    private readonly CollectionModel _model;
    private readonly DocumentQuery _query;
    private readonly Dictionary<string, GroupRows> _rowsByKey;

    public GroupedPages(CollectionModel model, ISqlDialect dialect, DocumentQuery query, string foreignKeyField, IReadOnlyCollection<string> keys)
    {
        _model = model;
        _query = query;
        Plan = DocumentPagePlan.Create(model, query, dialect);
        ForeignKey = Plan.Collection.FindField(foreignKeyField)
            ?? throw new ArgumentException($"{Plan.Collection.Name} has no field '{foreignKeyField}'.", nameof(foreignKeyField));
        _rowsByKey = keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new GroupRows(), StringComparer.Ordinal);
    }

    public DocumentPagePlan Plan { get; }

    public FieldDefinition ForeignKey { get; }

    /// <summary>The distinct keys asked for; with none there is nothing to read.</summary>
    public IReadOnlyCollection<string> Keys => _rowsByKey.Keys;

    /// <summary>
    /// The statement over the table's <paramref name="columns"/> (aliased <see cref="DocumentPagePlan.Alias"/>), with
    /// <paramref name="key"/> the foreign key's SQL value and <paramref name="keyMembership"/> the condition that it is
    /// one of the bound keys.
    /// </summary>
    public string Sql(string columns, string table, string key, string keyMembership)
    {
        var plan = Plan;
        var inWindow = $"CASE WHEN {plan.CursorCondition} THEN 1 ELSE 0 END";
        string Outside(string? condition) => condition is null ? "0" : $"CASE WHEN ({condition}) {plan.Dialect.IsNotTrue} THEN 1 ELSE 0 END";
        var rankLimit = plan.Limit is { } limit ? $" AND cs_rank <= {((long)limit + 1).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        return $"""
            WITH cs_rows AS (
                SELECT {columns}, {key} AS cs_key, {inWindow} AS cs_in,
                    ROW_NUMBER() OVER (PARTITION BY {key}, {inWindow} ORDER BY {plan.OrderBy(_model, _query)}) AS cs_rank,
                    COUNT(*) OVER (PARTITION BY {key}) AS cs_total,
                    SUM({Outside(plan.AfterCondition)}) OVER (PARTITION BY {key}) AS cs_before,
                    SUM({Outside(plan.BeforeCondition)}) OVER (PARTITION BY {key}) AS cs_after,
                    ROW_NUMBER() OVER (PARTITION BY {key}) AS cs_any
                FROM {table} AS {DocumentPagePlan.Alias}
                WHERE {keyMembership} AND ({plan.Filter}))
            SELECT id, version, created_at, updated_at, created_by, updated_by, data, cs_key, cs_in, cs_rank, cs_total, cs_before, cs_after
            FROM cs_rows
            WHERE (cs_in = 1{rankLimit}) OR cs_any = 1
            ORDER BY cs_key, cs_in DESC, cs_rank;
            """;
    }

    /// <summary>Collects the statement's rows into their keys' pages.</summary>
    public async Task ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!_rowsByKey.TryGetValue(reader.GetString(KeyColumn), out var group))
            {
                continue;
            }

            group.Total = (int)Integer(reader, KeyColumn + 3);
            group.BeforeWindow = Integer(reader, KeyColumn + 4) > 0;
            group.AfterWindow = Integer(reader, KeyColumn + 5) > 0;
            if (Integer(reader, KeyColumn + 1) == 1 && (Plan.Limit is null || Integer(reader, KeyColumn + 2) <= (long)Plan.Limit.Value + 1))
            {
                group.Documents.Add(DocumentRows.Read(Plan.Collection.Name, reader));
            }
        }
    }

    public IReadOnlyDictionary<string, DocumentPage> ToPages() =>
        _rowsByKey.ToDictionary(
            pair => pair.Key,
            pair => Plan.ToPage(_query, pair.Value.Documents, pair.Value.BeforeWindow, pair.Value.AfterWindow, pair.Value.Total),
            StringComparer.Ordinal);

    // The engines type these counters differently (SQLite: 64-bit integers; PostgreSQL: int4 or int8).
    private static long Integer(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private sealed class GroupRows
    {
        public List<Document> Documents { get; } = [];

        public int Total { get; set; }

        public bool BeforeWindow { get; set; }

        public bool AfterWindow { get; set; }
    }
}
