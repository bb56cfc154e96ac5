using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Random projects and tasks of the test model, with missing fields, explicit nulls and edge values.</summary>
internal sealed class RandomDocuments(Random random)
{
    public List<Document> Projects()
    {
        var projects = new List<Document>();
        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            var data = new JsonObject();
            Maybe(data, "name", () => RandomValues.Of(random, ScalarTypes.String));
            Maybe(data, "ownerId", () => RandomValues.Of(random, ScalarTypes.Id));
            Maybe(data, "archived", () => RandomValues.Of(random, ScalarTypes.Boolean));
            Maybe(data, "memberIds", () => List(() => RandomValues.Of(random, ScalarTypes.Id)));
            projects.Add(Wrap("Project", id, data));
        }

        return projects;
    }

    public List<Document> Tasks(int count) => [.. Enumerable.Range(0, count).Select(Task)];

    private Document Task(int index)
    {
        var data = new JsonObject();
        foreach (var (field, type) in new[]
        {
            ("projectId", ScalarTypes.Id), ("title", ScalarTypes.String), ("done", ScalarTypes.Boolean),
            ("priority", ScalarTypes.Int), ("assigneeId", ScalarTypes.Id), ("estimate", ScalarTypes.Float),
            ("dueAt", ScalarTypes.DateTime), ("status", "Status"),
        })
        {
            Maybe(data, field, () => RandomValues.Of(random, type));
        }

        Maybe(data, "tags", () => List(() => RandomValues.Of(random, ScalarTypes.String)));
        Maybe(data, "scores", () => List(() => RandomValues.OrNull(random, ScalarTypes.Int, 20)));
        Maybe(data, "label", Label);
        Maybe(data, "labels", () => List(Label));
        var id = $"{(char)('a' + random.Next(26))}{random.Next(1000):D3}-{index}";
        return Wrap("Task", id, data);
    }

    private JsonObject Label()
    {
        var label = new JsonObject();
        Maybe(label, "name", () => RandomValues.Of(random, ScalarTypes.String));
        Maybe(label, "color", () => RandomValues.Of(random, ScalarTypes.String));
        Maybe(label, "rank", () => RandomValues.Of(random, ScalarTypes.Int));
        return label;
    }

    private JsonArray List(Func<JsonNode?> element)
    {
        var list = new JsonArray();
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            list.Add(element());
        }

        return list;
    }

    // Most fields hold a value; some are missing and some are an explicit JSON null.
    private void Maybe(JsonObject data, string field, Func<JsonNode?> value)
    {
        var roll = random.Next(100);
        if (roll < 12)
        {
            return;
        }

        data[field] = roll < 22 ? null : value();
    }

    private Document Wrap(string collection, string id, JsonObject data)
    {
        var created = DateTimeFormat.Parse(RandomValues.Time(random));
        var updated = DateTimeFormat.Parse(RandomValues.Time(random));
        var by = RandomValues.Pick(random, new[] { null, "u1", "u2" });

        // Half the documents are re-parsed, as the store reads them, so both JSON number representations are covered.
        var body = random.Next(2) == 0 ? JsonNode.Parse(data.ToJsonString())!.AsObject() : data;
        return new Document(collection, id, random.Next(1, 4), created, updated, by, RandomValues.Pick(random, new[] { null, "u1" }), body);
    }
}
