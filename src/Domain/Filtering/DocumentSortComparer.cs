using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Orders documents in memory exactly as <see cref="SqlSort.OrderBy"/> orders rows: each key in SQLite's order
/// (NULL first, numbers numerically, text by code point), descending keys reversed, then id ascending.
/// </summary>
public sealed class DocumentSortComparer : IComparer<Document>
{
    private readonly IReadOnlyList<SortField> _sort;

    public DocumentSortComparer(CollectionModel model, CollectionDefinition c, IReadOnlyList<SortField> sort)
    {
        foreach (var field in sort)
        {
            SortPaths.Validate(model, c, field.Path);
        }

        _sort = sort;
    }

    public int Compare(Document? x, Document? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        foreach (var field in _sort)
        {
            var order = SqliteValues.Compare(
                SqliteValues.FromJson(DocumentValues.Get(x, field.Path)),
                SqliteValues.FromJson(DocumentValues.Get(y, field.Path)));
            if (order != 0)
            {
                return field.Descending ? -order : order;
            }
        }

        return SqliteValues.CompareText(x.Id, y.Id);
    }
}
