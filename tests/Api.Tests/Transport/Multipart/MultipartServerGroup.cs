namespace CollectionStore.Api.Tests.Transport.Multipart;

/// <summary>Test classes in this collection share one <see cref="MultipartServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MultipartServerGroup : ICollectionFixture<MultipartServerFixture>
{
    public const string Name = "MultipartServer";
}
