using GraphQL;

namespace CollectionStore.Api.Identity;

/// <summary>The final error a stream (SSE, multipart) carries when the server ends it for its token or session.</summary>
internal static class IdentityErrors
{
    public static ExecutionError Ended(ConnectionEnd reason) =>
        new(reason == ConnectionEnd.TokenExpired
            ? "The access token expired. Sign in again or refresh the token, then resubscribe with `since`."
            : "The session was revoked.")
        {
            Code = HttpAuthentication.UnauthenticatedCode,
        };
}
