using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Tests.Filtering;

public sealed class CursorCodecTests
{
    private static readonly IReadOnlyList<SortField> Sort =
        [new(["priority"], true), new(["label", "name"], false), new(["createdAt"], false)];

    private static readonly Document Task = new(
        "Task",
        "t1",
        2,
        new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(2)),
        new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero),
        "u1",
        null,
        JsonNode.Parse("""{"priority":3,"label":null}""")!.AsObject());

    [Fact]
    public void Decode_EncodedCursor_ReturnsKeyValuesAndId()
    {
        var decoded = CursorCodec.Decode(Sort, CursorCodec.Encode(Sort, Task));

        Assert.Equal("t1", decoded.Id);
        Assert.Equal(3, decoded.Values.Count);
        Assert.Equal(3, decoded.Values[0]!.GetValue<long>());
        Assert.Null(decoded.Values[1]);
        Assert.Equal("2024-05-01T06:30:00.0000000Z", decoded.Values[2]!.GetValue<string>());
    }

    [Fact]
    public void Encode_Cursor_IsUrlSafeBase64()
    {
        var cursor = CursorCodec.Encode(Sort, Task);

        Assert.DoesNotContain('+', cursor);
        Assert.DoesNotContain('/', cursor);
        Assert.DoesNotContain('=', cursor);
    }

    [Fact]
    public void Decode_CursorOfAnotherSort_ThrowsInvalidInput()
    {
        var cursor = CursorCodec.Encode(Sort, Task);
        IReadOnlyList<SortField> reversed = [new(["priority"], false), new(["label", "name"], false), new(["createdAt"], false)];

        var error = Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(reversed, cursor));
        Assert.Equal("INVALID_INPUT", error.Code);
        Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode([], cursor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor!")]
    [InlineData("e30")]
    [InlineData("W10")]
    public void Decode_Garbage_ThrowsInvalidInput(string cursor)
    {
        StoreException error = Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(Sort, cursor));
        Assert.Equal("INVALID_INPUT", error.Code);
    }

    [Fact]
    public void Decode_TamperedCursor_ThrowsInvalidInput()
    {
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(CursorCodec.Encode(Sort, Task)))!.AsObject();

        Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(Sort, With(payload, "k", new JsonArray(1, 2))));
        Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(Sort, With(payload, "k", new JsonArray(new JsonObject(), null, "x"))));
        Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(Sort, With(payload, "i", 5)));
        Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(Sort, With(payload, "s", "other")));
        Assert.Throws<InvalidCursorException>(() => CursorCodec.Decode(Sort, CursorCodec.Encode(Sort, Task)[..^3]));
    }

    [Fact]
    public void Keyset_CursorWithWrongKeyCount_ThrowsInvalidInput()
    {
        var cursor = new DecodedCursor([JsonValue.Create(1)], "t1");

        Assert.Throws<InvalidCursorException>(() => new SqlSort(FilteringTestModel.Model)
            .Keyset(FilteringTestModel.Task, Sort, "t", cursor, true, new SqlParameterBag()));
    }

    private static string With(JsonObject payload, string key, JsonNode? value)
    {
        var copy = payload.DeepClone().AsObject();
        copy[key] = value;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(copy.ToJsonString()));
    }
}
