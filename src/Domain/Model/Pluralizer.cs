namespace CollectionStore.Domain.Model;

/// <summary>English plurals for generated field names (<c>task</c> → <c>tasks</c>, <c>category</c> → <c>categories</c>).</summary>
public static class Pluralizer
{
    public static string Pluralize(string word)
    {
        if (word.EndsWith('y') && word.Length > 1 && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        return word + "s";
    }
}
