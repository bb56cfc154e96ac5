using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Schema.Types;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>
/// The object types of the identity API: <c>User</c> (never the password hash), <c>Session</c>,
/// <c>AuthPayload</c>, <c>AuditEntry</c>, <c>AuditVerification</c> and the connections of users and audit entries.
/// </summary>
internal sealed class IdentityOutputTypes
{
    private readonly GraphTypeRegistry _registry;
    private readonly ConnectionTypes _connections;

    public IdentityOutputTypes(GraphTypeRegistry registry, ConnectionTypes connections)
    {
        _registry = registry;
        _connections = connections;
        Json = new JsonGraphType();
        registry.Add(Json);
        Long = registry.GetOrAdd("Long", () => new LongGraphType());
        User = Add(CreateUser());
        Session = Add(CreateSession());
        AuthPayload = Add(CreateAuthPayload());
        AuditEntry = Add(CreateAuditEntry());
        AuditVerification = Add(CreateAuditVerification());
        UsersConnection = AddConnection(IdentityNames.UsersPlural, User, "users");
        AuditEntriesConnection = AddConnection(IdentityNames.AuditEntriesPlural, AuditEntry, "audit entries");
    }

    public JsonGraphType Json { get; }

    public LongGraphType Long { get; }

    public ObjectGraphType User { get; }

    public ObjectGraphType Session { get; }

    public ObjectGraphType AuthPayload { get; }

    public ObjectGraphType AuditEntry { get; }

    public ObjectGraphType AuditVerification { get; }

    public ObjectGraphType UsersConnection { get; }

    public ObjectGraphType AuditEntriesConnection { get; }

    private ObjectGraphType CreateUser()
    {
        var type = new ObjectGraphType { Name = IdentityNames.User, Description = "A built-in user. The password hash is never exposed." };
        type.AddField(FieldFactory.Create("id", GraphTypeRegistry.NonNull(_registry.Id), c => Source<UserAccount>(c.Source).Id));
        type.AddField(FieldFactory.Create("username", GraphTypeRegistry.NonNull(_registry.String), c => Source<UserAccount>(c.Source).Username, "Unique, compared case-insensitively."));
        type.AddField(FieldFactory.Create("roles", GraphTypeRegistry.NonNullListOfNonNull(_registry.String), c => Source<UserAccount>(c.Source).Roles));
        type.AddField(FieldFactory.Create("attributes", GraphTypeRegistry.NonNull(Json), c => Source<UserAccount>(c.Source).Attributes, "Attributes an admin manages, e.g. {\"department\": \"sales\"}."));
        type.AddField(FieldFactory.Create("disabled", GraphTypeRegistry.NonNull(_registry.Boolean), c => Source<UserAccount>(c.Source).Disabled, "A disabled user cannot sign in and has no active sessions."));
        type.AddField(FieldFactory.Create("createdAt", GraphTypeRegistry.NonNull(_registry.DateTime), c => Source<UserAccount>(c.Source).CreatedAt));
        return type;
    }

    private ObjectGraphType CreateSession()
    {
        var type = new ObjectGraphType { Name = IdentityNames.Session, Description = "One sign-in: created by login, extended by each refresh, ended by logout or revocation." };
        var dateTime = GraphTypeRegistry.NonNull(_registry.DateTime);
        type.AddField(FieldFactory.Create("id", GraphTypeRegistry.NonNull(_registry.Id), c => Source<SessionInfo>(c.Source).Id));
        type.AddField(FieldFactory.Create("createdAt", dateTime, c => Source<SessionInfo>(c.Source).CreatedAt));
        type.AddField(FieldFactory.Create("lastRefreshedAt", dateTime, c => Source<SessionInfo>(c.Source).LastRefreshedAt));
        type.AddField(FieldFactory.Create("expiresAt", dateTime, c => Source<SessionInfo>(c.Source).ExpiresAt, "When the refresh token stops working unless it is used before."));
        type.AddField(FieldFactory.Create(
            "current",
            GraphTypeRegistry.NonNull(_registry.Boolean),
            c => string.Equals(Principals.SessionId(c.User), Source<SessionInfo>(c.Source).Id, StringComparison.Ordinal),
            "Whether this is the session of the access token making the request."));
        return type;
    }

    private ObjectGraphType CreateAuthPayload()
    {
        var type = new ObjectGraphType { Name = IdentityNames.AuthPayload, Description = "The tokens login and refreshToken hand out." };
        type.AddField(FieldFactory.Create("accessToken", GraphTypeRegistry.NonNull(_registry.String), c => Source<IssuedTokens>(c.Source).AccessToken, "A JWT for 'Authorization: Bearer', valid until expiresAt."));
        type.AddField(FieldFactory.Create("refreshToken", GraphTypeRegistry.NonNull(_registry.String), c => Source<IssuedTokens>(c.Source).RefreshToken, "Works once with refreshToken; using it twice revokes the session."));
        type.AddField(FieldFactory.Create("expiresAt", GraphTypeRegistry.NonNull(_registry.DateTime), c => Source<IssuedTokens>(c.Source).ExpiresAt, "When the access token expires."));
        type.AddField(FieldFactory.Create("user", GraphTypeRegistry.NonNull(User), c => Source<IssuedTokens>(c.Source).User));
        return type;
    }

    private ObjectGraphType CreateAuditEntry()
    {
        var type = new ObjectGraphType { Name = IdentityNames.AuditEntry, Description = "An entry of the append-only, hash-chained audit log." };
        type.AddField(FieldFactory.Create("sequence", GraphTypeRegistry.NonNull(Long), c => Source<AuditEntry>(c.Source).Sequence));
        type.AddField(FieldFactory.Create("at", GraphTypeRegistry.NonNull(_registry.DateTime), c => Source<AuditEntry>(c.Source).At));
        type.AddField(FieldFactory.Create("kind", GraphTypeRegistry.NonNull(_registry.String), c => Source<AuditEntry>(c.Source).Kind, "e.g. login.succeeded, session.revoked, user.created."));
        type.AddField(FieldFactory.Create("subjectId", _registry.Id, c => Source<AuditEntry>(c.Source).SubjectId, "The user the entry is about, when known."));
        type.AddField(FieldFactory.Create("sessionId", _registry.Id, c => Source<AuditEntry>(c.Source).SessionId));
        type.AddField(FieldFactory.Create("address", _registry.String, c => Source<AuditEntry>(c.Source).Address, "The client's network address."));
        type.AddField(FieldFactory.Create("protocol", _registry.String, c => Source<AuditEntry>(c.Source).Protocol));
        type.AddField(FieldFactory.Create("origin", _registry.String, c => Source<AuditEntry>(c.Source).Origin));
        type.AddField(FieldFactory.Create("detail", Json, c => Detail(Source<AuditEntry>(c.Source).Detail), "Further facts (close code, reason, changed members); never a secret."));
        type.AddField(FieldFactory.Create("hash", GraphTypeRegistry.NonNull(_registry.String), c => Source<AuditEntry>(c.Source).Hash, "SHA-256 over the entry and the previous entry's hash."));
        return type;
    }

    private ObjectGraphType CreateAuditVerification()
    {
        var type = new ObjectGraphType { Name = IdentityNames.AuditVerification, Description = "The result of recomputing the audit log's hash chain." };
        type.AddField(FieldFactory.Create("valid", GraphTypeRegistry.NonNull(_registry.Boolean), c => Source<AuditVerification>(c.Source).Valid));
        type.AddField(FieldFactory.Create("entriesChecked", GraphTypeRegistry.NonNull(Long), c => Source<AuditVerification>(c.Source).EntriesChecked));
        type.AddField(FieldFactory.Create("firstBrokenSequence", Long, c => Source<AuditVerification>(c.Source).FirstBrokenSequence, "The first entry whose link does not match, when the chain is broken."));
        type.AddField(FieldFactory.Create("problem", _registry.String, c => Source<AuditVerification>(c.Source).Problem));
        return type;
    }

    private ObjectGraphType AddConnection(string plural, ObjectGraphType node, string what)
    {
        var edge = new ObjectGraphType { Name = IdentityNames.Edge(plural), Description = $"One of the {what} in a page, with its cursor." };
        edge.AddField(FieldFactory.Create("cursor", GraphTypeRegistry.NonNull(_registry.String), c => Source<ListingEdge>(c.Source).Cursor, "An opaque cursor for after."));
        edge.AddField(FieldFactory.Create("node", GraphTypeRegistry.NonNull(node), c => Source<ListingEdge>(c.Source).Node));

        var connection = new ObjectGraphType { Name = IdentityNames.Connection(plural), Description = $"A page of {what}." };
        connection.AddField(FieldFactory.Create("edges", GraphTypeRegistry.NonNullListOfNonNull(edge), c => Source<ListingPage>(c.Source).Edges));
        connection.AddField(FieldFactory.Create("nodes", GraphTypeRegistry.NonNullListOfNonNull(node), c => Source<ListingPage>(c.Source).Edges.Select(e => e.Node).ToList()));
        connection.AddField(FieldFactory.Create("pageInfo", GraphTypeRegistry.NonNull(_connections.PageInfo), c => Source<ListingPage>(c.Source).PageInfo));
        connection.AddField(FieldFactory.Create("totalCount", GraphTypeRegistry.NonNull(_registry.Int), c => (int)Math.Min(Source<ListingPage>(c.Source).TotalCount, int.MaxValue), $"How many {what} match the filter, across all pages."));
        Add(edge);
        return Add(connection);
    }

    private ObjectGraphType Add(ObjectGraphType type)
    {
        _registry.Add(type);
        return type;
    }

    private static JsonNode? Detail(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(detail);
        }
        catch (JsonException)
        {
            // An entry written by an older server may hold plain text; show it rather than fail the listing.
            return JsonValue.Create(detail);
        }
    }

    private static T Source<T>(object? source) => (T)source!;
}
