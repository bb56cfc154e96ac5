using System.Security.Claims;

namespace CollectionStore.Api.Identity;

/// <summary>
/// Who a request or connection is: anonymous, an authenticated principal whose token ends at
/// <see cref="EndsAt"/> (its <c>exp</c> plus the clock skew), or a refusal with a client-safe reason.
/// </summary>
internal sealed record AuthenticationResult(ClaimsPrincipal? Principal, string? Failure, DateTimeOffset? EndsAt)
{
    public static AuthenticationResult Anonymous { get; } = new(Principal: null, Failure: null, EndsAt: null);

    public bool Succeeded => Failure is null;

    public bool IsAuthenticated => Principal is not null;

    public string? UserId => Principals.UserId(Principal);

    public string? SessionId => Principals.SessionId(Principal);

    public static AuthenticationResult Refused(string failure) => new(Principal: null, failure, EndsAt: null);
}
