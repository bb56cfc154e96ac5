using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>
/// A tiny hand-made schema that exercises the transport and the executor independently of the model: a
/// recursive object type for depth and complexity, a recursive input for nested values, a field that
/// throws, a field that waits for cancellation, and one mutation.
/// </summary>
public static class TestSchema
{
    public const string Sdl = """
        type Query {
          hello(name: String): String
          node: Node
          nodes: [Node]
          boom: String
          slow: String
          echo(input: EchoInput, list: [[[String]]]): String
        }

        type Mutation {
          setValue(value: String): String
        }

        type Node {
          value: String
          a: Node
          items: [Node]
        }

        input EchoInput {
          value: String
          child: EchoInput
        }
        """;

    public static ISchema Create()
    {
        var node = new Dictionary<string, object?>();
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            var query = builder.Types.For("Query");
            query.FieldFor("hello").Resolver = new FuncFieldResolver<string>(ctx => $"Hello, {ctx.GetArgument<string?>("name") ?? "world"}!");
            query.FieldFor("node").Resolver = new FuncFieldResolver<object>(_ => node);
            query.FieldFor("nodes").Resolver = new FuncFieldResolver<object>(_ => new[] { node, node });
            query.FieldFor("boom").Resolver = new FuncFieldResolver<string>(Boom);
            query.FieldFor("slow").Resolver = new FuncFieldResolver<string>(SlowAsync);
            query.FieldFor("echo").Resolver = new FuncFieldResolver<string>(_ => "echo");
            builder.Types.For("Mutation").FieldFor("setValue").Resolver =
                new FuncFieldResolver<string>(ctx => ctx.GetArgument<string?>("value"));
            var nodeType = builder.Types.For("Node");
            nodeType.FieldFor("value").Resolver = new FuncFieldResolver<string>(_ => "v");
            nodeType.FieldFor("a").Resolver = new FuncFieldResolver<object>(_ => node);
            nodeType.FieldFor("items").Resolver = new FuncFieldResolver<object>(_ => new[] { node });
        });
        return schema;
    }

    private static string? Boom(IResolveFieldContext context) =>
        throw new InvalidOperationException("secret: SELECT data FROM doc_Task at /srv/app");

    private static async ValueTask<string?> SlowAsync(IResolveFieldContext context)
    {
        var probe = context.RequestServices!.GetRequiredService<SlowFieldProbe>();
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return "never";
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
    }
}
