using System.Globalization;
using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// Parses a constant GraphQL value (GraphQL spec §2.9) into JSON: enum literals become strings,
/// integers that fit become <see cref="int"/> (else <see cref="long"/>), floats become <see cref="double"/>.
/// </summary>
internal static class SdlValueParser
{
    public static JsonNode? Parse(SdlTokenCursor cursor)
    {
        var token = cursor.Current;
        switch (token.Kind)
        {
            case SdlTokenKind.String or SdlTokenKind.BlockString:
                cursor.Advance();
                return JsonValue.Create(token.Text);
            case SdlTokenKind.Int:
                cursor.Advance();
                return ParseInt(cursor, token);
            case SdlTokenKind.Float:
                cursor.Advance();
                return ParseFloat(cursor, token);
            case SdlTokenKind.Name:
                cursor.Advance();
                return token.Text switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    "null" => null,
                    _ => JsonValue.Create(token.Text),
                };
            case SdlTokenKind.LeftBracket:
                return ParseList(cursor);
            case SdlTokenKind.LeftBrace:
                return ParseObject(cursor);
            case SdlTokenKind.Dollar:
                throw cursor.Error(token.Location, "Variables are not allowed in a model; use a constant value.");
            default:
                throw cursor.Unexpected("a value");
        }
    }

    private static JsonValue ParseInt(SdlTokenCursor cursor, SdlToken token)
    {
        if (!long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw cursor.Error(token.Location, $"The integer {token.Text} is out of range.");
        }

        return value is >= int.MinValue and <= int.MaxValue ? JsonValue.Create((int)value) : JsonValue.Create(value);
    }

    private static JsonValue ParseFloat(SdlTokenCursor cursor, SdlToken token)
    {
        var value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw cursor.Error(token.Location, $"The number {token.Text} is out of range.");
        }

        return JsonValue.Create(value);
    }

    private static JsonArray ParseList(SdlTokenCursor cursor)
    {
        cursor.Advance();
        var list = new JsonArray();
        while (!cursor.Skip(SdlTokenKind.RightBracket))
        {
            list.Add(Parse(cursor));
        }

        return list;
    }

    private static JsonObject ParseObject(SdlTokenCursor cursor)
    {
        cursor.Advance();
        var result = new JsonObject();
        while (!cursor.Skip(SdlTokenKind.RightBrace))
        {
            var name = cursor.Expect(SdlTokenKind.Name, "a field name or '}'");
            cursor.Expect(SdlTokenKind.Colon, "':'");
            if (result.ContainsKey(name.Text))
            {
                throw cursor.Error(name.Location, $"The object value has the field '{name.Text}' twice.");
            }

            result[name.Text] = Parse(cursor);
        }

        return result;
    }
}
