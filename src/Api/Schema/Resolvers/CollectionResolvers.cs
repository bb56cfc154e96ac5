using System.Text.Json.Nodes;
using CollectionStore.Api.Access;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Schema.Resolvers;

/// <summary>
/// The root fields of a collection: the list and by-id queries and the three mutations. Reads carry the subject's
/// read filter into their SQL (a forbidden document is never loaded, and by id it is as absent as a missing one);
/// writes carry the rules as a guard run inside the write transaction.
/// </summary>
internal sealed class CollectionResolvers(IDocumentStore store, ConnectionArguments connections)
{
    public async Task<object?> ListAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var access = await QueryAccess.ForAsync(context);
        var query = connections.Build(context, collection);
        query = query with { Filter = access.Restrict(collection.Name, query.Filter) };
        return await SchemaErrors.GuardAsync(() => store.QueryAsync(query, context.CancellationToken));
    }

    public async Task<object?> GetAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var id = context.GetArgument<string>("id");
        var access = await QueryAccess.ForAsync(context);
        if (access.Restrict(collection.Name, null) is not { } readable)
        {
            return await SchemaErrors.GuardAsync(() => store.GetAsync(collection.Name, id, context.CancellationToken));
        }

        var byId = new ComparisonFilter(SystemFields.Id, ComparisonOperator.Eq, JsonValue.Create(id));
        var query = new DocumentQuery(collection.Name, new AndFilter([byId, readable]), [], new PageRequest(1, null, null, null), IncludeTotalCount: false);
        var page = await SchemaErrors.GuardAsync(() => store.QueryAsync(query, context.CancellationToken));
        return page.Items.Count == 0 ? null : page.Items[0].Document;
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

        var result = await WriteAsync(
            context,
            collection,
            guards => guards.Create(),
            expectedVersion: null,
            options => store.CreateAsync(collection.Name, id, data, options, context.CancellationToken));
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

        var expectedVersion = ExpectedVersion(context);
        var result = await WriteAsync(
            context,
            collection,
            guards => guards.Update(expectedVersion),
            expectedVersion,
            options => store.UpdateAsync(collection.Name, id, patch, options, context.CancellationToken));
        return result.Document;
    }

    public async Task<object?> DeleteAsync(IResolveFieldContext context, CollectionDefinition collection)
    {
        var id = context.GetArgument<string>("id");
        var expectedVersion = ExpectedVersion(context);
        var result = await WriteAsync(
            context,
            collection,
            guards => guards.Delete(expectedVersion),
            expectedVersion,
            options => store.DeleteAsync(collection.Name, id, options, context.CancellationToken));
        return result.Document;
    }

    /// <summary>
    /// Runs a write as the caller (createdBy/updatedBy come from the verified principal, never from input) with the
    /// rules' guard. The guard compares the expected version itself, after the read check, so a document the caller
    /// cannot read never reveals its version.
    /// </summary>
    private static async Task<WriteResult> WriteAsync(
        IResolveFieldContext context,
        CollectionDefinition collection,
        Func<WriteAccess, WriteGuard> guard,
        long? expectedVersion,
        Func<WriteOptions, Task<WriteResult>> write)
    {
        var access = await QueryAccess.ForAsync(context);
        var subjectId = Principals.UserId(context.User);
        var options = access.Rules is { } rules
            ? new WriteOptions(subjectId, ExpectedVersion: null, guard(new WriteAccess(rules, access.Subject, access.Now, collection.Name)))
            : new WriteOptions(subjectId, expectedVersion);
        try
        {
            return await SchemaErrors.GuardAsync(() => write(options));
        }
        catch (WriteDeniedException denied)
        {
            throw WriteRefusals.Refuse(context, denied);
        }
    }

    private static long? ExpectedVersion(IResolveFieldContext context) => Raw(context, "expectedVersion") as int?;

    private static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
