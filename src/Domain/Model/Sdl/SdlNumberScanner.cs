namespace CollectionStore.Domain.Model.Sdl;

/// <summary>Scans an IntValue or FloatValue token (GraphQL spec §2.9.1–2.9.2).</summary>
internal static class SdlNumberScanner
{
    /// <summary>
    /// Scans the number starting at <paramref name="start"/>; returns where it ends and whether it is
    /// a float. <paramref name="error"/> builds the exception for a position in the text.
    /// </summary>
    public static (int End, bool IsFloat) Scan(string text, int start, Func<int, string, ModelException> error)
    {
        var position = start;
        if (At(text, position) == '-')
        {
            position++;
        }

        if (At(text, position) == '0' && char.IsAsciiDigit(At(text, position + 1)))
        {
            throw error(position, "Numbers may not have leading zeros.");
        }

        position = Digits(text, position, error);
        var isFloat = false;
        if (At(text, position) == '.')
        {
            isFloat = true;
            position = Digits(text, position + 1, error);
        }

        if (At(text, position) is 'e' or 'E')
        {
            isFloat = true;
            position++;
            if (At(text, position) is '+' or '-')
            {
                position++;
            }

            position = Digits(text, position, error);
        }

        var next = At(text, position);
        if (next == '.' || next == '_' || char.IsAsciiLetter(next))
        {
            throw error(position, $"Invalid number: unexpected {SdlLexer.DescribeChar(next)}.");
        }

        return (position, isFloat);
    }

    private static int Digits(string text, int position, Func<int, string, ModelException> error)
    {
        if (!char.IsAsciiDigit(At(text, position)))
        {
            throw error(position, position < text.Length
                ? $"Invalid number: expected a digit, found {SdlLexer.DescribeChar(text[position])}."
                : "Invalid number: expected a digit, found end of file.");
        }

        while (char.IsAsciiDigit(At(text, position)))
        {
            position++;
        }

        return position;
    }

    private static char At(string text, int position) => position < text.Length ? text[position] : '\0';
}
