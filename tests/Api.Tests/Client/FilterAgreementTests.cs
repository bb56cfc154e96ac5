using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Client;

/// <summary>
/// The browser client evaluates where/order itself to keep live lists current; this runs the client's
/// case table (src/Client/test/filter-cases.json) against the real server so both sides provably agree.
/// </summary>
public sealed class FilterAgreementTests
{
    private const string CreateMutation = "mutation($input: CreateItemInput!) { createItem(input: $input) { id } }";
    private const string ListQuery = "query($where: ItemFilterInput, $order: [ItemSortInput!]) { items(where: $where, order: $order, first: 100) { nodes { id } } }";

    [Fact]
    public async Task FilterCases_EveryCaseOnTheRealServer_ReturnsTheClientsExpectedIds()
    {
        var table = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Client", "filter-cases.json")))!.AsObject();
        await using var server = await ApiServer.StartAsync(useTestSchema: false, modelSdl: table["schema"]!.GetValue<string>());
        foreach (var document in table["documents"]!.AsArray())
        {
            var created = await PostAsync(server, CreateMutation, new JsonObject { ["input"] = document!.DeepClone() });
            Assert.True(created["errors"] is null, $"creating {document["id"]}: {created.ToJsonString()}");
        }

        var cases = table["cases"]!.AsArray();
        var mismatches = new List<string>();
        foreach (var testCase in cases)
        {
            var variables = new JsonObject { ["where"] = testCase!["where"]?.DeepClone(), ["order"] = testCase["order"]?.DeepClone() };
            var response = await PostAsync(server, ListQuery, variables);
            var expected = string.Join(",", testCase["expected"]!.AsArray().Select(id => id!.GetValue<string>()));
            var actual = response["data"]?["items"]?["nodes"] is JsonArray nodes
                ? string.Join(",", nodes.Select(n => n!["id"]!.GetValue<string>()))
                : response.ToJsonString();
            if (actual != expected)
            {
                mismatches.Add($"{testCase["name"]}: server [{actual}] client [{expected}]");
            }
        }

        Assert.True(cases.Count >= 45, "the table lost its cases");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static async Task<JsonNode> PostAsync(ApiServer server, string query, JsonObject variables)
    {
        var response = await GraphQLHttp.PostJsonAsync(server.Client, new { query, variables });
        return JsonNode.Parse(response.Text)!;
    }
}
