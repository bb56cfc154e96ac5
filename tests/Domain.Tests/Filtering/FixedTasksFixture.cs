using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>
/// Five tasks and two projects covering values, explicit nulls, missing fields and edge strings, in a database of one
/// provider (a derived fixture per provider).
/// </summary>
public abstract class FixedTasksFixture(StoreKind kind) : IAsyncLifetime
{
    private static readonly IReadOnlyList<Document> Tasks =
        [
            Doc("Task", "t1", 1, 1, "u1", """{"projectId":"p1","title":"Write docs","done":true,"priority":3,"assigneeId":"u1","tags":["a","b"],"scores":[1,2],"estimate":1.5,"dueAt":"2024-01-01T00:00:00.0000000Z","status":"TODO","label":{"name":"red","color":"#f00","rank":1},"labels":[{"name":"x","rank":1},{"name":"y"}]}"""),
            Doc("Task", "t2", 2, 2, null, """{"projectId":"p2","title":"write tests","done":false,"priority":-1,"assigneeId":null,"tags":[],"scores":[null,5],"estimate":2,"dueAt":"2024-06-01T00:00:00.0000000Z","status":"DONE","label":{"name":"blue"},"labels":[]}"""),
            Doc("Task", "t3", 1, 3, "u2", """{"projectId":"missing","title":"","done":false,"priority":0,"tags":["b"],"label":null}"""),
            Doc("Task", "t4", 3, 4, null, """{"projectId":"p1","title":"é","done":false,"priority":10,"estimate":-0.5,"status":"DOING"}"""),
            Doc("Task", "t5", 1, 5, null, """{"title":"ab","done":true,"priority":3,"tags":["ab",""],"status":"TODO","labels":[{"name":"y","color":null}],"assigneeId":"u2","scores":[]}"""),
        ];

    private static readonly IReadOnlyList<Document> Projects =
        [
            Doc("Project", "p1", 1, 1, null, """{"name":"Alpha","ownerId":"u1","archived":false,"memberIds":["u1","u2"]}"""),
            Doc("Project", "p2", 1, 1, null, """{"name":"Beta","ownerId":"u2","archived":true,"memberIds":[]}"""),
        ];

    internal FilterAgreement Agreement { get; private set; } = null!;

    public static string Month(int month) => DateTimeFormat.Format(new DateTimeOffset(2024, month, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => Agreement = await FilterAgreement.OpenAsync(kind, Tasks, Projects);

    public Task DisposeAsync()
    {
        Agreement?.Dispose();
        return Task.CompletedTask;
    }

    private static Document Doc(string collection, string id, long version, int month, string? createdBy, string json)
    {
        var created = DateTimeFormat.Parse(Month(month));
        return new Document(collection, id, version, created, created.AddDays(1), createdBy, createdBy, JsonNode.Parse(json)!.AsObject());
    }
}
