using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Tests.Schema;

public sealed class EnumTests
{
    private const string Model = """
        enum Status { OPEN CLOSED }
        type Ticket @collection {
          title: String!
          status: Status! @default(value: OPEN)
          history: [Status!]! @default(value: [])
        }
        """;

    [Fact]
    public async Task EnumField_FilterSortAndDefault_UseEnumValues()
    {
        await using var harness = await SchemaHarness.CreateAsync(model: ModelParser.Parse(Model, "tickets.graphql"));
        await harness.DataAsync("""mutation { a: createTicket(input: { id: "a", title: "A" }) { id } b: createTicket(input: { id: "b", title: "B", status: CLOSED, history: [OPEN] }) { id } }""");

        var open = await harness.DataAsync("{ tickets(where: { status: { eq: OPEN } }) { nodes { id status } } }");
        var notIn = await harness.DataAsync("{ tickets(where: { status: { nin: [OPEN] } }) { nodes { id } } }");
        var history = await harness.DataAsync("{ tickets(where: { history: { some: { eq: OPEN } } }) { nodes { id } } }");
        var sorted = await harness.DataAsync("{ tickets(order: [{ status: ASC }]) { nodes { id } } }");

        Assert.Equal("a", (string?)open["tickets"]!["nodes"]![0]!["id"]);
        Assert.Equal("OPEN", (string?)open["tickets"]!["nodes"]![0]!["status"]);
        Assert.Equal("b", (string?)notIn["tickets"]!["nodes"]![0]!["id"]);
        Assert.Equal("b", (string?)history["tickets"]!["nodes"]![0]!["id"]);
        Assert.Equal("b", (string?)sorted["tickets"]!["nodes"]![0]!["id"]);
    }

    [Fact]
    public async Task EnumField_Sdl_HasEnumOperationFilters()
    {
        await using var harness = await SchemaHarness.CreateAsync(model: ModelParser.Parse(Model, "tickets.graphql"));

        var sdl = CollectionStore.Api.Schema.SchemaSdl.Print(harness.Schema);

        Assert.Contains("enum Status {", sdl, StringComparison.Ordinal);
        Assert.Contains("input StatusOperationFilterInput {", sdl, StringComparison.Ordinal);
        Assert.Contains("history: ListStatusOperationFilterInput", sdl, StringComparison.Ordinal);
        Assert.Contains("status: Status\n", sdl, StringComparison.Ordinal);
    }
}
