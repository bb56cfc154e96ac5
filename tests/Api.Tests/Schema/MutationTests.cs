namespace CollectionStore.Api.Tests.Schema;

public sealed class MutationTests
{
    private const string TaskFields = "id version title done priority tags estimate dueAt assigneeId createdBy updatedBy labels { name color }";

    [Fact]
    public async Task CreateTask_OmittedDefaults_AppliesDefaultsAndSubject()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var data = await harness.DataAsync(
            $$"""mutation { createTask(input: { projectId: "p1", title: "Write", dueAt: "2024-05-01T14:00:00+02:00" }) { {{TaskFields}} } }""",
            subject: "user-1");

        var task = data["createTask"]!;
        Assert.Equal(1, (int)task["version"]!);
        Assert.False((bool)task["done"]!);
        Assert.Equal(0, (int)task["priority"]!);
        Assert.Empty(task["tags"]!.AsArray());
        Assert.Empty(task["labels"]!.AsArray());
        Assert.Equal("2024-05-01T12:00:00.0000000Z", (string?)task["dueAt"]);
        Assert.Equal("user-1", (string?)task["createdBy"]);
        Assert.False(string.IsNullOrEmpty((string?)task["id"]));
    }

    [Fact]
    public async Task CreateTask_ClientId_IsKeptAndReadable()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        await harness.DataAsync("""mutation { createTask(input: { id: "t-1", projectId: "p1", title: "A", labels: [{ name: "x", color: "red" }] }) { id } }""");
        var data = await harness.DataAsync("""{ task(id: "t-1") { id title labels { name color } createdAt updatedAt } }""");

        Assert.Equal("t-1", (string?)data["task"]!["id"]);
        Assert.Equal("red", (string?)data["task"]!["labels"]![0]!["color"]);
        Assert.EndsWith("Z", (string?)data["task"]!["createdAt"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateTask_Patch_KeepsAbsentFieldsAndClearsExplicitNull()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.DataAsync("""mutation { createTask(input: { id: "t-1", projectId: "p1", title: "A", estimate: 2.5, assigneeId: "u1" }) { id } }""");

        var data = await harness.DataAsync(
            """mutation($input: UpdateTaskInput!) { updateTask(id: "t-1", input: $input) { version title estimate assigneeId priority updatedBy } }""",
            """{ "input": { "estimate": null, "priority": 3 } }""",
            subject: "user-2");

        var task = data["updateTask"]!;
        Assert.Equal(2, (int)task["version"]!);
        Assert.Equal("A", (string?)task["title"]);
        Assert.Null(task["estimate"]);
        Assert.Equal("u1", (string?)task["assigneeId"]);
        Assert.Equal(3, (int)task["priority"]!);
        Assert.Equal("user-2", (string?)task["updatedBy"]);
    }

    [Fact]
    public async Task UpdateTask_NullForRequiredField_IsInvalidInput()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.DataAsync("""mutation { createTask(input: { id: "t-1", projectId: "p1", title: "A" }) { id } }""");

        var error = await harness.ErrorAsync("""mutation { updateTask(id: "t-1", input: { title: null }) { id } }""");

        Assert.Equal("INVALID_INPUT", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task UpdateTask_StaleExpectedVersion_IsVersionConflictWithCurrentVersion()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.DataAsync("""mutation { createTask(input: { id: "t-1", projectId: "p1", title: "A" }) { id } }""");
        await harness.DataAsync("""mutation { updateTask(id: "t-1", input: { title: "B" }, expectedVersion: 1) { version } }""");

        var error = await harness.ErrorAsync("""mutation { updateTask(id: "t-1", input: { title: "C" }, expectedVersion: 1) { version } }""");
        var data = await harness.DataAsync("""{ task(id: "t-1") { title version } }""");

        Assert.Equal("VERSION_CONFLICT", (string?)error["extensions"]!["code"]);
        Assert.Equal(2, (int)error["extensions"]!["currentVersion"]!);
        Assert.Equal("B", (string?)data["task"]!["title"]);
    }

    [Fact]
    public async Task CreateProject_DuplicateUniqueName_IsUniqueViolation()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.DataAsync("""mutation { createProject(input: { name: "Apollo", ownerId: "u1" }) { id } }""");

        var error = await harness.ErrorAsync("""mutation { createProject(input: { name: "Apollo", ownerId: "u2" }) { id } }""");

        Assert.Equal("UNIQUE_VIOLATION", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task UpdateAndDelete_MissingDocument_AreNotFound()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var update = await harness.ErrorAsync("""mutation { updateTask(id: "nope", input: { title: "B" }) { id } }""");
        var delete = await harness.ErrorAsync("""mutation { deleteTask(id: "nope") { id } }""");
        var read = await harness.DataAsync("""{ task(id: "nope") { id } }""");

        Assert.Equal("NOT_FOUND", (string?)update["extensions"]!["code"]);
        Assert.Equal("NOT_FOUND", (string?)delete["extensions"]!["code"]);
        Assert.Null(read["task"]);
    }

    [Fact]
    public async Task DeleteTask_Existing_ReturnsDeletedDocumentAndRemovesIt()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.DataAsync("""mutation { createTask(input: { id: "t-1", projectId: "p1", title: "A" }) { id } }""");

        var deleted = await harness.DataAsync("""mutation { deleteTask(id: "t-1", expectedVersion: 1) { id title } }""");
        var read = await harness.DataAsync("""{ task(id: "t-1") { id } }""");

        Assert.Equal("A", (string?)deleted["deleteTask"]!["title"]);
        Assert.Null(read["task"]);
    }

    [Fact]
    public async Task CreateTask_MissingRequiredField_IsRejectedByValidation()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var response = await harness.ExecuteAsync("""mutation { createTask(input: { projectId: "p1" }) { id } }""");

        Assert.True(response.ContainsKey("errors"));
        Assert.False(response.ContainsKey("data") && response["data"] is not null);
    }

    [Fact]
    public async Task CreateTask_DateTimeWithoutOffset_IsRejected()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var response = await harness.ExecuteAsync("""mutation { createTask(input: { projectId: "p1", title: "A", dueAt: "2024-05-01T14:00:00" }) { id } }""");

        Assert.True(response.ContainsKey("errors"), response.ToJsonString());
    }
}
