using System.Text.Json.Nodes;
using CollectionStore.Authorization.Rules;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>
/// Random rules for the property model: grants with random actions, roles and a <c>where</c> built from atoms
/// that reach every kind of field (scalars, lists, embedded objects, a @belongsTo relation, system fields)
/// and every variable, combined with and/or/not-style operators. Also random subjects.
/// </summary>
internal sealed class RandomRules(Random random)
{
    private static readonly string[] Atoms =
    [
        "{ ownerId: { eq: \"$subject.id\" } }",
        "{ ownerId: { neq: \"$subject.id\" } }",
        "{ ownerId: { in: [\"u1\", \"$subject.id\"] } }",
        "{ ownerId: { nin: [\"$subject.id\"] } }",
        "{ ownerId: { eq: null } }",
        "{ createdBy: { eq: \"$subject.id\" } }",
        "{ team: { ownerId: { eq: \"$subject.id\" } } }",
        "{ team: { memberIds: { some: { eq: \"$subject.id\" } } } }",
        "{ team: { memberIds: { none: { eq: \"$subject.id\" } } } }",
        "{ team: { level: { lte: \"$subject.attributes.level\" } } }",
        "{ team: { name: { eq: \"$subject.attributes.tag\" } } }",
        "{ tags: { some: { in: \"$subject.roles\" } } }",
        "{ tags: { all: { nin: \"$subject.roles\" } } }",
        "{ tags: { some: { eq: \"$subject.attributes.tag\" } } }",
        "{ tags: { any: true } }",
        "{ meta: { owner: { eq: \"$subject.id\" } } }",
        "{ meta: { level: { gt: \"$subject.attributes.level\" } } }",
        "{ score: { gte: \"$subject.attributes.level\" } }",
        "{ score: { nlt: 3 } }",
        "{ score: { in: [1, \"$subject.attributes.level\"] } }",
        "{ title: { startsWith: \"$subject.attributes.prefix\" } }",
        "{ title: { ncontains: \"$subject.attributes.prefix\" } }",
        "{ title: { in: \"$subject.roles\" } }",
        "{ public: { eq: true } }",
        "{ updatedAt: { lt: \"$now\" } }",
        "{ createdAt: { gt: \"$now\" } }",
    ];

    private static readonly string[][] RoleChoices = [["member"], ["lead"], ["anonymous"], ["member", "lead"]];
    private static readonly string[] Actions = ["READ", "CREATE", "UPDATE", "DELETE"];
    private static readonly string[] SubjectRoles = ["member", "lead", "editor"];

    /// <summary>One to three <c>@allow</c> directives for the Doc type, as SDL.</summary>
    public string Grants()
    {
        var grants = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var actions = Actions.Where((_, index) => index == 0 ? random.Next(10) < 7 : random.Next(3) == 0).ToList();
            var parts = new List<string> { $"to: [{string.Join(", ", actions.DefaultIfEmpty("UPDATE"))}]" };
            if (random.Next(2) == 0)
            {
                var roles = RoleChoices[random.Next(RoleChoices.Length)];
                parts.Add($"roles: [{string.Join(", ", roles.Select(r => $"\"{r}\""))}]");
            }

            if (random.Next(100) < 85)
            {
                parts.Add("where: " + Where(2));
            }

            grants.Add($"@allow({string.Join(", ", parts)})");
        }

        return string.Join(" ", grants);
    }

    public Subject Subject()
    {
        string? id = Pick([null, "u1", "u2", "u3", "u4"]);
        var roles = SubjectRoles.Where(_ => random.Next(3) == 0).ToList();
        if (random.Next(40) == 0)
        {
            roles.Add("admin");
        }

        var attributes = new JsonObject();
        Maybe(attributes, "level", () => Pick<JsonNode?>([JsonValue.Create(random.Next(6)), JsonValue.Create("3"), JsonValue.Create(2.5)]));
        Maybe(attributes, "tag", () => JsonValue.Create(Pick(["red", "blue", "member"])));
        Maybe(attributes, "prefix", () => JsonValue.Create(Pick(["a", "m", string.Empty])));
        return new Subject(id, roles, attributes, random.Next(1, 100));
    }

    private string Where(int depth)
    {
        var roll = random.Next(10);
        if (depth == 0 || roll < 5)
        {
            return Atoms[random.Next(Atoms.Length)];
        }

        var operands = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Where(depth - 1));
        return roll switch
        {
            < 7 => $"{{ or: [{string.Join(", ", operands)}] }}",
            < 9 => $"{{ and: [{string.Join(", ", operands)}] }}",
            _ => $"{{ team: {{ or: [{{ ownerId: {{ eq: \"$subject.id\" }} }}, {{ level: {{ gt: 2 }} }}] }}, score: {{ neq: 0 }} }}",
        };
    }

    private void Maybe(JsonObject target, string name, Func<JsonNode?> value)
    {
        var roll = random.Next(10);
        if (roll < 2)
        {
            return;
        }

        target[name] = roll < 3 ? null : value();
    }

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];
}
