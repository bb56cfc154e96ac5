using CollectionStore.Domain.Documents;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The <c>DateTime</c> scalar: ISO-8601 with an offset or <c>Z</c> on input, always UTC with seven fractional
/// digits on output. Parsed values are the stored form (<see cref="DateTimeFormat"/>), so filters and documents
/// receive them ready to compare.
/// </summary>
internal sealed class IsoDateTimeGraphType : ScalarGraphType
{
    public IsoDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date and time with an offset or 'Z'; returned in UTC, e.g. 2024-05-01T12:00:00.0000000Z.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => Normalize(text.Value.ToString()),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Normalize(text),
        DateTimeOffset offset => DateTimeFormat.Format(offset),
        DateTime dateTime => DateTimeFormat.Format(AsUtc(dateTime)),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string text => Normalize(text),
        DateTimeOffset offset => DateTimeFormat.Format(offset),
        DateTime dateTime => DateTimeFormat.Format(AsUtc(dateTime)),
        _ => ThrowSerializationError(value),
    };

    private static string Normalize(string text) =>
        DateTimeFormat.TryNormalize(text, out var normalized)
            ? normalized
            : throw new FormatException($"'{text}' is not an ISO-8601 date-time with an offset or 'Z'.");

    private static DateTimeOffset AsUtc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
}
