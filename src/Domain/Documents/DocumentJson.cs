using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Documents;

/// <summary>
/// The full JSON form of a document (system fields next to the user fields, which may never share their names),
/// as the change feed stores its before and after states.
/// </summary>
internal static class DocumentJson
{
    public static string Serialize(Document document)
    {
        var json = new JsonObject
        {
            [SystemFields.Id] = document.Id,
            [SystemFields.Version] = document.Version,
            [SystemFields.CreatedAt] = DateTimeFormat.Format(document.CreatedAt),
            [SystemFields.UpdatedAt] = DateTimeFormat.Format(document.UpdatedAt),
            [SystemFields.CreatedBy] = document.CreatedBy,
            [SystemFields.UpdatedBy] = document.UpdatedBy,
        };
        foreach (var (name, value) in document.Data)
        {
            json[name] = value?.DeepClone();
        }

        return json.ToJsonString();
    }

    public static Document Deserialize(string collection, string text)
    {
        var json = JsonNode.Parse(text)?.AsObject()
            ?? throw new InvalidOperationException("A stored document is not a JSON object.");
        var data = new JsonObject();
        foreach (var (name, value) in json)
        {
            if (!SystemFields.All.Contains(name))
            {
                data[name] = value?.DeepClone();
            }
        }

        return new Document(
            collection,
            json[SystemFields.Id]!.GetValue<string>(),
            json[SystemFields.Version]!.GetValue<long>(),
            DateTimeFormat.Parse(json[SystemFields.CreatedAt]!.GetValue<string>()),
            DateTimeFormat.Parse(json[SystemFields.UpdatedAt]!.GetValue<string>()),
            json[SystemFields.CreatedBy]?.GetValue<string>(),
            json[SystemFields.UpdatedBy]?.GetValue<string>(),
            data);
    }
}
