namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>Test classes in this collection share one <see cref="DefaultServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultServerGroup : ICollectionFixture<DefaultServerFixture>
{
    public const string Name = "DefaultServer";
}
