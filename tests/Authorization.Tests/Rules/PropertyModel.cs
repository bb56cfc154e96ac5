using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>The small model of the property tests (scalar, list, embedded and @belongsTo fields) and its documents.</summary>
internal static class PropertyModel
{
    private static readonly string[] Users = ["u1", "u2", "u3", "u4"];
    private static readonly string[] Tags = ["member", "lead", "red", "blue"];

    public static string Text(string docGrants) => $$"""
        extend schema @role(name: "member") @role(name: "lead", inherits: ["member"])
        type Team @collection { name: String ownerId: ID memberIds: [ID!] level: Int }
        type Doc @collection {{docGrants}} {
          teamId: ID
          team: Team @belongsTo(field: "teamId")
          ownerId: ID
          title: String
          tags: [String!]
          meta: Meta
          score: Int
          public: Boolean
        }
        type Meta { owner: ID level: Int }
        """;

    public static JsonObject Team(Random random) => new()
    {
        ["name"] = Pick(random, "red", "blue", null),
        ["ownerId"] = Pick(random, "u1", "u2", "u3", "u4", null),
        ["memberIds"] = new JsonArray([.. Users.Where(_ => random.Next(3) == 0).Select(u => (JsonNode?)JsonValue.Create(u))]),
        ["level"] = random.Next(5) == 0 ? null : random.Next(6),
    };

    public static JsonObject Doc(Random random)
    {
        var data = new JsonObject();
        Maybe(random, data, "teamId", () => Pick(random, "T1", "T2", "T3", "T4", "T9"));
        Maybe(random, data, "ownerId", () => Pick(random, "u1", "u2", "u3", "u4"));
        Maybe(random, data, "title", () => Pick(random, "a", "ab", "member", "lead", "mx", string.Empty));
        Maybe(random, data, "tags", () => new JsonArray([.. Tags.Where(_ => random.Next(3) == 0).Select(t => (JsonNode?)JsonValue.Create(t))]));
        Maybe(random, data, "meta", () => new JsonObject { ["owner"] = Pick(random, "u1", "u2", null), ["level"] = random.Next(2) == 0 ? null : random.Next(6) });
        Maybe(random, data, "score", () => random.Next(6));
        Maybe(random, data, "public", () => random.Next(2) == 0);
        return data;
    }

    private static void Maybe(Random random, JsonObject data, string field, Func<JsonNode?> value)
    {
        var roll = random.Next(10);
        if (roll < 1)
        {
            return;
        }

        data[field] = roll < 2 ? null : value();
    }

    private static JsonValue? Pick(Random random, params string?[] choices) =>
        choices[random.Next(choices.Length)] is { } text ? JsonValue.Create(text) : null;
}
