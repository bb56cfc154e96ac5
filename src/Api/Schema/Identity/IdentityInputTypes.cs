using CollectionStore.Api.Schema.Types;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>The input types of the identity API: login, refresh, user changes and the listing filters.</summary>
internal sealed class IdentityInputTypes
{
    private readonly GraphTypeRegistry _registry;

    public IdentityInputTypes(GraphTypeRegistry registry, JsonGraphType json)
    {
        _registry = registry;
        var text = GraphTypeRegistry.NonNull(registry.String);
        var roles = GraphTypeRegistry.ListOf(GraphTypeRegistry.NonNull(registry.String));
        Login = Add(IdentityNames.LoginInput, "Credentials of a built-in user.", ("username", text, null), ("password", text, null));
        RefreshToken = Add(IdentityNames.RefreshTokenInput, "A refresh token from login or an earlier refresh.", ("refreshToken", text, null));
        CreateUser = Add(
            IdentityNames.CreateUserInput,
            "A new built-in user.",
            ("username", text, "Unique, compared case-insensitively."),
            ("password", text, null),
            ("roles", roles, null),
            ("attributes", json, "A JSON object of attributes, e.g. {\"department\": \"sales\"}."));
        UpdateUser = Add(
            IdentityNames.UpdateUserInput,
            "Changes to a user; an omitted or null member is left as it is. Disabling the user or changing the password ends the user's sessions.",
            ("roles", roles, "Replaces the roles."),
            ("attributes", json, "Replaces the attributes (a JSON object)."),
            ("disabled", registry.Boolean, null),
            ("password", registry.String, null));
        UserFilter = Add(
            IdentityNames.UserFilterInput,
            "Filters of 'users'; all given ones must hold.",
            ("usernameContains", registry.String, "Part of the username, compared case-insensitively."),
            ("role", registry.String, "Users having this role."),
            ("disabled", registry.Boolean, null));
        AuditEntryFilter = Add(
            IdentityNames.AuditEntryFilterInput,
            "Filters of 'auditLog'; all given ones must hold.",
            ("kind", registry.String, "e.g. login.failed."),
            ("subjectId", registry.Id, "Entries about this user."),
            ("since", registry.DateTime, "Entries at or after this time."));
    }

    public InputObjectGraphType Login { get; }

    public InputObjectGraphType RefreshToken { get; }

    public InputObjectGraphType CreateUser { get; }

    public InputObjectGraphType UpdateUser { get; }

    public InputObjectGraphType UserFilter { get; }

    public InputObjectGraphType AuditEntryFilter { get; }

    private InputObjectGraphType Add(string name, string description, params (string Name, IGraphType Type, string? Description)[] fields)
    {
        var type = new InputObjectGraphType { Name = name, Description = description };
        foreach (var field in fields)
        {
            type.AddField(new FieldType { Name = field.Name, ResolvedType = field.Type, Description = field.Description });
        }

        _registry.Add(type);
        return type;
    }
}
