using CollectionStore.Api.Schema.Types;
using CollectionStore.Domain.Model;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>
/// Refuses a model whose generated API would take a name of the identity API (a collection <c>User</c> generates
/// the type <c>User</c> and the fields <c>users</c>/<c>createUser</c>), naming the model type and its location.
/// </summary>
internal static class IdentityNameGuard
{
    public static void Check(CollectionModel model, GraphTypeRegistry registry, IComplexGraphType query, IComplexGraphType mutation)
    {
        var taken = registry.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in IdentityNames.Types.Where(taken.Contains))
        {
            throw Collision(model, name, $"the type '{name}'");
        }

        foreach (var name in IdentityNames.QueryFields.Where(query.HasField))
        {
            throw Collision(model, name, $"the query field '{name}'");
        }

        foreach (var name in IdentityNames.MutationFields.Where(mutation.HasField))
        {
            throw Collision(model, name, $"the mutation field '{name}'");
        }
    }

    private static ModelException Collision(CollectionModel model, string generated, string what)
    {
        const string Owner = "the built-in identity API (users, sessions, audit log)";
        if (Culprit(model, generated) is not { } culprit)
        {
            return new ModelException($"{model.SourcePath}: the model generates {what}, which {Owner} also defines; rename the model type it comes from.");
        }

        var problem = string.Equals(culprit.Name, generated, StringComparison.Ordinal)
            ? $"The {culprit.Kind} name '{culprit.Name}' is taken by {Owner}; choose another name."
            : $"The {culprit.Kind} '{culprit.Name}' generates {what}, which {Owner} also defines; choose another name.";
        return new ModelException(model.SourcePath, culprit.Location, problem);
    }

    /// <summary>The model type whose name the generated name is built from (the longest one it contains).</summary>
    private static (string Kind, string Name, SourceLocation Location)? Culprit(CollectionModel model, string generated)
    {
        var candidates = model.Collections.Select(c => (Kind: "collection", c.Name, c.Location))
            .Concat(model.EmbeddedTypes.Select(t => (Kind: "type", t.Name, t.Location)))
            .Concat(model.Enums.Select(e => (Kind: "enum", e.Name, e.Location)));
        var match = candidates
            .Where(c => generated.Contains(c.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Name.Length)
            .FirstOrDefault();
        return match.Name is null ? null : match;
    }
}
