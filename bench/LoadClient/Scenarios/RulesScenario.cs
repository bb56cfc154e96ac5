using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Scenario 5 (Collection Store only: the peer has no rules): the shipped schema with its @allow rules; N (1,000)
/// subscribers signed in as 50 members of one project, so every event is checked per user.
/// </summary>
internal static class RulesScenario
{
    private const int Users = 50;
    private const string Password = "bench-password-1";

    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.N;
        var graphql = context.GraphQL;
        var admin = await LoginAsync(graphql, "admin", context.Options.AdminPassword ?? throw new ArgumentException("--admin-password is required"), cancellationToken);
        var prefix = $"bench{DateTime.UtcNow.Ticks}";
        var userIds = new JsonArray();
        var tokens = new List<string>();
        for (var i = 0; i < Users; i++)
        {
            var created = await graphql.PostAsync(
                "mutation($u: String!, $p: String!) { createUser(input: { username: $u, password: $p, roles: [\"member\"] }) { id } }",
                new JsonObject { ["u"] = $"{prefix}u{i}", ["p"] = Password }, admin.Token, cancellationToken);
            userIds.Add(created.GetProperty("createUser").GetProperty("id").GetString());
            tokens.Add((await LoginAsync(graphql, $"{prefix}u{i}", Password, cancellationToken)).Token);
        }

        var project = await graphql.PostAsync(
            "mutation($n: String!, $o: ID!, $m: [ID!]!) { createProject(input: { name: $n, ownerId: $o, memberIds: $m }) { id } }",
            new JsonObject { ["n"] = prefix, ["o"] = admin.Id, ["m"] = userIds }, admin.Token, cancellationToken);
        var projectId = project.GetProperty("createProject").GetProperty("id").GetString()!;
        var variables = $"{{\"w\":{{\"projectId\":{{\"eq\":{JsonSerializer.Serialize(projectId)}}}}}}}";

        using var pool = new SubscriberPool();
        await pool.OpenAsync(BenchContext.WsUri(context.Options.Url), n, context.Recorder, _ => variables, i => tokens[i % Users], _ => false, cancellationToken);
        await context.Probe.WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
        context.Recorder.Reset();
        var writer = new MutationWriter(graphql, projectId, admin.Token);
        var batch = await MeasuredBatch.RunAsync(context, writer, n, context.Options.Quick ? 5 : 20, 10, cancellationToken);
        batch["users"] = Users;
        batch["errors"] = pool.Errors;
        batch["firstError"] = pool.FirstError;
        return batch;
    }

    private static async Task<(string Token, string Id)> LoginAsync(GraphQLHttp graphql, string username, string password, CancellationToken cancellationToken)
    {
        var data = await graphql.PostAsync(
            "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken user { id } } }",
            new JsonObject { ["u"] = username, ["p"] = password }, null, cancellationToken);
        var login = data.GetProperty("login");
        return (login.GetProperty("accessToken").GetString()!, login.GetProperty("user").GetProperty("id").GetString()!);
    }
}
