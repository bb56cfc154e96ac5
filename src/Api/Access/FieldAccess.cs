using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Documents;
using GraphQL;

namespace CollectionStore.Api.Access;

/// <summary>
/// Field-level reads: a stored or relation field of a document the subject may read, but not that field, resolves
/// to null with an error <c>FORBIDDEN</c> at its path, and the rest of the result is delivered. The same output
/// types serve queries and subscription events, so both are masked alike.
/// </summary>
internal static class FieldAccess
{
    /// <summary>Wraps a field resolver of a collection type with the read check of <paramref name="field"/>.</summary>
    public static Func<IResolveFieldContext, object?> Guard(string field, Func<IResolveFieldContext, object?> resolve) =>
        context =>
        {
            if (context.Source is Document document
                && QueryAccess.For(context).ReadableFields(document) is { } readable
                && !readable.Contains(field))
            {
                throw Forbidden(document.Collection, field);
            }

            return resolve(context);
        };

    public static ExecutionError Forbidden(string collection, string field) =>
        new($"Not allowed to read '{field}' of this {collection}.") { Code = IdentityErrorCodes.Forbidden };
}
