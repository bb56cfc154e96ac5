using CollectionStore.Api.Schema;
using CollectionStore.Api.Tests.Schema;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Api.Tests.Identity;

public sealed class IdentitySchemaTests
{
    [Fact]
    public async Task Build_CollectionNamedUser_FailsNamingTheCollectionAndItsLine()
    {
        var error = await BuildFailureAsync("""
            type Note @collection {
              text: String!
            }

            type User @collection {
              name: String!
            }
            """);

        Assert.Contains("schema.graphql(5,", error.Message, StringComparison.Ordinal);
        Assert.Contains("'User'", error.Message, StringComparison.Ordinal);
        Assert.Contains("identity API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_CollectionGeneratingAuditLogField_FailsNamingTheField()
    {
        var error = await BuildFailureAsync("""
            type AuditLog @collection {
              text: String!
            }
            """);

        Assert.Contains("'AuditLog'", error.Message, StringComparison.Ordinal);
        Assert.Contains("query field 'auditLog'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_EmbeddedTypeNamedSession_Fails()
    {
        var error = await BuildFailureAsync("""
            type Session {
              label: String
            }

            type Note @collection {
              session: Session
            }
            """);

        Assert.Contains("type name 'Session' is taken by the built-in identity API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_RepositoryModel_HasTheIdentityRootFields()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        foreach (var field in new[] { "me", "mySessions", "users", "auditLog", "verifyAuditLog" })
        {
            Assert.NotNull(harness.Schema.Query.GetField(field));
        }

        foreach (var field in new[] { "login", "refreshToken", "logout", "revokeSession", "createUser", "updateUser" })
        {
            Assert.NotNull(harness.Schema.Mutation!.GetField(field));
        }

        var user = Assert.IsAssignableFrom<GraphQL.Types.IComplexGraphType>(harness.Schema.AllTypes["User"]);
        Assert.Equal(["attributes", "createdAt", "disabled", "id", "roles", "username"], user.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Me_Anonymous_ReturnsNull()
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var data = await harness.DataAsync("{ me { id } }");

        Assert.Null(data["me"]);
        Assert.True(data.ContainsKey("me"));
    }

    [Theory]
    [InlineData("{ mySessions { id } }")]
    [InlineData("mutation { logout }")]
    [InlineData("mutation { revokeSession(id: \"s1\") }")]
    [InlineData("{ users { totalCount } }")]
    [InlineData("{ auditLog { totalCount } }")]
    [InlineData("{ verifyAuditLog { valid } }")]
    public async Task CallerField_Anonymous_Unauthenticated(string query)
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var error = await harness.ErrorAsync(query);

        Assert.Equal("UNAUTHENTICATED", (string?)error["extensions"]?["code"]);
    }

    private static async Task<ModelException> BuildFailureAsync(string sdl)
    {
        var model = ModelParser.Parse(sdl, "schema.graphql");
        var path = Path.Combine(Path.GetTempPath(), $"collection-store-identity-{Guid.NewGuid():N}.db");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await using var store = await SqliteDocumentStore.OpenAsync(
                new SqliteStoreOptions { ConnectionString = $"Data Source={path}" }, model, TimeProvider.System, timeout.Token);
            return Assert.Throws<ModelException>(() => ModelSchemaBuilder.Build(model, store, new PagingOptions()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
