namespace CollectionStore.Api.Schema.Identity;

/// <summary>The type and root field names of the built-in identity API; a model may not generate any of them.</summary>
internal static class IdentityNames
{
    public const string JsonScalar = "JSON";
    public const string User = "User";
    public const string Session = "Session";
    public const string AuthPayload = "AuthPayload";
    public const string AuditEntry = "AuditEntry";
    public const string AuditVerification = "AuditVerification";
    public const string UsersPlural = "Users";
    public const string AuditEntriesPlural = "AuditEntries";
    public const string LoginInput = "LoginInput";
    public const string RefreshTokenInput = "RefreshTokenInput";
    public const string CreateUserInput = "CreateUserInput";
    public const string UpdateUserInput = "UpdateUserInput";
    public const string UserFilterInput = "UserFilterInput";
    public const string AuditEntryFilterInput = "AuditEntryFilterInput";

    public static readonly IReadOnlyList<string> Types =
    [
        JsonScalar, User, Session, AuthPayload, AuditEntry, AuditVerification,
        Connection(UsersPlural), Edge(UsersPlural), Connection(AuditEntriesPlural), Edge(AuditEntriesPlural),
        LoginInput, RefreshTokenInput, CreateUserInput, UpdateUserInput, UserFilterInput, AuditEntryFilterInput,
    ];

    public static readonly IReadOnlyList<string> QueryFields = ["me", "mySessions", "users", "auditLog", "verifyAuditLog"];

    public static readonly IReadOnlyList<string> MutationFields = ["login", "refreshToken", "logout", "revokeSession", "createUser", "updateUser"];

    public static string Connection(string plural) => plural + "Connection";

    public static string Edge(string plural) => plural + "Edge";
}
