namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// The value of a block string: common indentation and leading/trailing blank lines removed
/// (GraphQL spec §2.9.4, BlockStringValue).
/// </summary>
internal static class BlockStringValue
{
    /// <summary>Dedents raw block string content whose line terminators are already <c>\n</c>.</summary>
    public static string Dedent(string raw)
    {
        var lines = raw.Split('\n');
        int? common = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = Indent(lines[i]);
            if (indent < lines[i].Length && (common is null || indent < common))
            {
                common = indent;
            }
        }

        if (common is { } remove)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length >= remove ? lines[i][remove..] : string.Empty;
            }
        }

        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && IsBlank(lines[first]))
        {
            first++;
        }

        while (last >= first && IsBlank(lines[last]))
        {
            last--;
        }

        return string.Join('\n', lines[first..(last + 1)]);
    }

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsBlank(string line) => Indent(line) == line.Length;
}
