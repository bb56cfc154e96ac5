using System.Text.Json.Nodes;
using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Schema.Resolvers;

/// <summary>The root fields of a collection: the list and by-id queries and the three mutations.</summary>
internal sealed class CollectionResolvers(IDocumentStore store, ConnectionArguments connections)
{
    public async Task<object?> ListAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var query = connections.Build(context, collection);
        return await SchemaErrors.GuardAsync(() => store.QueryAsync(query, context.CancellationToken));
    }

    public async Task<object?> GetAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var id = context.GetArgument<string>("id");
        return await SchemaErrors.GuardAsync(() => store.GetAsync(collection.Name, id, context.CancellationToken));
    }

    public async Task<object?> CreateAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var input = InputJson.AsObject(Raw(context, "input"), "input");
        string? id = null;
        var data = new JsonObject();
        foreach (var (key, value) in input)
        {
            if (key == SystemFields.Id)
            {
                id = value as string;
                continue;
            }

            // An explicit null for a defaulted non-null field means "use the default", as omitting it does.
            if (value is null && collection.FindField(key) is { HasDefault: true, Type.NonNull: true })
            {
                continue;
            }

            data[key] = InputJson.ToJson(value);
        }

        var result = await SchemaErrors.GuardAsync(() =>
            store.CreateAsync(collection.Name, id, data, Options(context, expectedVersion: null), context.CancellationToken));
        return result.Document;
    }

    public async Task<object?> UpdateAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var id = context.GetArgument<string>("id");
        var input = InputJson.AsObject(Raw(context, "input"), "input");
        var patch = new JsonObject();
        foreach (var (key, value) in input)
        {
            if (value is null && collection.FindField(key) is { Type.NonNull: true })
            {
                throw SchemaErrors.InvalidInput($"'{key}' is required and cannot be cleared.");
            }

            patch[key] = InputJson.ToJson(value);
        }

        var options = Options(context, ExpectedVersion(context));
        var result = await SchemaErrors.GuardAsync(() => store.UpdateAsync(collection.Name, id, patch, options, context.CancellationToken));
        return result.Document;
    }

    public async Task<object?> DeleteAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var id = context.GetArgument<string>("id");
        var options = Options(context, ExpectedVersion(context));
        var result = await SchemaErrors.GuardAsync(() => store.DeleteAsync(collection.Name, id, options, context.CancellationToken));
        return result.Document;
    }

    private static long? ExpectedVersion(IResolveFieldContext context) => Raw(context, "expectedVersion") as int?;

    private static WriteOptions Options(IResolveFieldContext context, long? expectedVersion) =>
        new(Subject: context.User?.FindFirst("sub")?.Value, ExpectedVersion: expectedVersion);

    private static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
