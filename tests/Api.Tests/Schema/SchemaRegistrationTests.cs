using CollectionStore.Api.Schema;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Tests.Schema;

public sealed class SchemaRegistrationTests
{
    [Fact]
    public async Task AddModelSchema_WithPagingSection_BuildsSchemaAndBindsOptions()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Paging:DefaultPageSize"] = "7", ["Paging:MaxPageSize"] = "70" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<CollectionModel>(harness.Model)
            .AddSingleton<IDocumentStore>(harness.Store)
            .AddModelSchema();
        await using var provider = services.BuildServiceProvider();

        var schema = provider.GetRequiredService<ISchema>();
        var paging = provider.GetRequiredService<IOptions<PagingOptions>>().Value;

        Assert.Same(schema, provider.GetRequiredService<ISchema>());
        Assert.NotNull(schema.Query.GetField("tasks"));
        Assert.NotNull(schema.Mutation!.GetField("createTask"));
        Assert.Equal(7, paging.DefaultPageSize);
        Assert.Equal(70, paging.MaxPageSize);
    }

    [Fact]
    public void AddModelSchema_DefaultLargerThanMax_FailsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Paging:DefaultPageSize"] = "100", ["Paging:MaxPageSize"] = "10" })
            .Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddModelSchema().BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PagingOptions>>().Value);
    }
}
