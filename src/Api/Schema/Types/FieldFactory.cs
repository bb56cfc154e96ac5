using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Types;

/// <summary>Creates field definitions for the runtime-built types.</summary>
internal static class FieldFactory
{
    public static FieldType Create(string name, IGraphType type, Func<IResolveFieldContext, object?> resolve, string? description = null) =>
        new() { Name = name, ResolvedType = type, Resolver = new FuncFieldResolver<object>(resolve), Description = description };

    public static FieldType CreateAsync(
        string name,
        IGraphType type,
        QueryArguments arguments,
        Func<IResolveFieldContext, Task<object?>> resolve,
        string? description = null) =>
        new()
        {
            Name = name,
            ResolvedType = type,
            Arguments = arguments,
            Resolver = new FuncFieldResolver<object>(async context => await resolve(context)),
            Description = description,
        };

    public static QueryArgument Argument(string name, IGraphType type, string? description = null) =>
        new(type) { Name = name, Description = description };
}
