using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Schema;

/// <summary>Registers the schema generated from the model in DI.</summary>
public static class SchemaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISchema"/> (a singleton built from the <see cref="CollectionModel"/> and
    /// <see cref="IDocumentStore"/> singletons) and <c>PagingOptions</c> bound from the <c>Paging</c> section.
    /// Relation batching needs no listener: the loaders live in each request's user context.
    /// </summary>
    public static IServiceCollection AddModelSchema(this IServiceCollection services)
    {
        services.AddOptions<PagingOptions>()
            .BindConfiguration(PagingOptions.SectionName)
            .Validate(o => o.DefaultPageSize >= 1 && o.MaxPageSize >= o.DefaultPageSize, "Paging: need 1 <= DefaultPageSize <= MaxPageSize.")
            .ValidateOnStart();
        services.AddSingleton<ISchema>(provider => ModelSchemaBuilder.Build(
            provider.GetRequiredService<CollectionModel>(),
            provider.GetRequiredService<IDocumentStore>(),
            provider.GetRequiredService<IOptions<PagingOptions>>().Value,
            provider));
        return services;
    }
}
