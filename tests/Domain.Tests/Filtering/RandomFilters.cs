using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Random filter trees (depth ≤ 3) over the test model, using every node kind and operator.</summary>
internal sealed class RandomFilters(Random random)
{
    private const int MaxDepth = 3;

    private static readonly (string Field, string Type)[] SystemFields =
    [
        ("id", ScalarTypes.Id), ("version", ScalarTypes.Int), ("createdAt", ScalarTypes.DateTime),
        ("updatedAt", ScalarTypes.DateTime), ("createdBy", ScalarTypes.Id), ("updatedBy", ScalarTypes.Id),
    ];

    private static readonly (string Field, string Type)[] TaskFields =
    [
        .. SystemFields, ("projectId", ScalarTypes.Id), ("title", ScalarTypes.String), ("done", ScalarTypes.Boolean),
        ("priority", ScalarTypes.Int), ("assigneeId", ScalarTypes.Id), ("estimate", ScalarTypes.Float),
        ("dueAt", ScalarTypes.DateTime), ("status", "Status"),
    ];

    private static readonly (string Field, string Type)[] ProjectFields =
        [.. SystemFields, ("name", ScalarTypes.String), ("ownerId", ScalarTypes.Id), ("archived", ScalarTypes.Boolean)];

    private static readonly (string Field, string Type)[] LabelFields =
        [("name", ScalarTypes.String), ("color", ScalarTypes.String), ("rank", ScalarTypes.Int)];

    private static readonly ComparisonOperator[] AllOperators = Enum.GetValues<ComparisonOperator>();

    private enum Scope
    {
        Task,
        Project,
        Label,
        StringElement,
        IdElement,
        IntElement,
    }

    public FilterExpression Next() => Node(Scope.Task, 0);

    private FilterExpression Node(Scope scope, int depth)
    {
        var roll = depth >= MaxDepth ? 0 : random.Next(100);
        return roll switch
        {
            < 50 => Comparison(scope),
            < 65 => Combine(scope, depth),
            _ => scope switch
            {
                Scope.Task => TaskStructure(depth),
                Scope.Project => ProjectStructure(depth),
                _ => Comparison(scope),
            },
        };
    }

    private FilterExpression Combine(Scope scope, int depth)
    {
        var operands = Enumerable.Range(0, random.Next(4)).Select(_ => Node(scope, depth + 1)).ToList();
        return random.Next(2) == 0 ? new AndFilter(operands) : new OrFilter(operands);
    }

    private FilterExpression TaskStructure(int depth) => random.Next(6) switch
    {
        0 => new EmbeddedFilter("label", Node(Scope.Label, depth + 1)),
        1 => new ListFilter("tags", Quantifier(), Node(Scope.StringElement, depth + 1)),
        2 => new ListFilter("scores", Quantifier(), Node(Scope.IntElement, depth + 1)),
        3 => new ListFilter("labels", Quantifier(), Node(Scope.Label, depth + 1)),
        4 => new ListAnyFilter(RandomValues.Pick(random, ["tags", "scores", "labels"]), random.Next(2) == 0),
        _ => new RelationFilter("project", Node(Scope.Project, depth + 1)),
    };

    private FilterExpression ProjectStructure(int depth) => random.Next(2) == 0
        ? new ListFilter("memberIds", Quantifier(), Node(Scope.IdElement, depth + 1))
        : new ListAnyFilter("memberIds", random.Next(2) == 0);

    private ListQuantifier Quantifier() => (ListQuantifier)random.Next(3);

    private ComparisonFilter Comparison(Scope scope)
    {
        var (field, type) = scope switch
        {
            Scope.Task => RandomValues.Pick(random, TaskFields),
            Scope.Project => RandomValues.Pick(random, ProjectFields),
            Scope.Label => RandomValues.Pick(random, LabelFields),
            Scope.StringElement => (null, ScalarTypes.String),
            Scope.IdElement => (null, ScalarTypes.Id),
            _ => ((string?)null, ScalarTypes.Int),
        };
        var op = random.Next(10) == 0 ? RandomValues.Pick(random, AllOperators) : RandomValues.Pick(random, Operators(type));
        return new ComparisonFilter(field, op, Value(op, type));
    }

    private JsonNode? Value(ComparisonOperator op, string type)
    {
        if (op is ComparisonOperator.In or ComparisonOperator.Nin)
        {
            return new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Scalar(type))]);
        }

        return Scalar(type);
    }

    private JsonNode? Scalar(string type) => random.Next(20) switch
    {
        0 => RandomValues.Any(random),
        1 or 2 => null,
        _ => RandomValues.Of(random, type),
    };

    private static ComparisonOperator[] Operators(string type) => type switch
    {
        ScalarTypes.String =>
        [
            ComparisonOperator.Eq, ComparisonOperator.Neq, ComparisonOperator.In, ComparisonOperator.Nin,
            ComparisonOperator.Contains, ComparisonOperator.NContains, ComparisonOperator.StartsWith,
            ComparisonOperator.NStartsWith, ComparisonOperator.EndsWith, ComparisonOperator.NEndsWith,
        ],
        ScalarTypes.Boolean => [ComparisonOperator.Eq, ComparisonOperator.Neq],
        ScalarTypes.Int or ScalarTypes.Float or ScalarTypes.DateTime =>
        [
            ComparisonOperator.Eq, ComparisonOperator.Neq, ComparisonOperator.In, ComparisonOperator.Nin,
            ComparisonOperator.Gt, ComparisonOperator.Ngt, ComparisonOperator.Gte, ComparisonOperator.Ngte,
            ComparisonOperator.Lt, ComparisonOperator.Nlt, ComparisonOperator.Lte, ComparisonOperator.Nlte,
        ],
        _ => [ComparisonOperator.Eq, ComparisonOperator.Neq, ComparisonOperator.In, ComparisonOperator.Nin],
    };
}
