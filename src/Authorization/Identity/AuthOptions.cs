namespace CollectionStore.Authorization.Identity;

/// <summary>
/// Identity settings (configuration section <c>Auth</c>). Either the built-in provider (a signing key, users in the
/// store) or an external OIDC issuer (<see cref="Authority"/>), never both at once.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary><c>iss</c> of built-in tokens.</summary>
    public string Issuer { get; set; } = "collectionstore";

    /// <summary><c>aud</c> required in every token (built-in and external).</summary>
    public string Audience { get; set; } = "collectionstore";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Tolerance for <c>exp</c>/<c>nbf</c>; explicit because the platform default is five minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An HS256 key (base64 or text, at least 256 bits). Alternatively <see cref="SigningKeyFile"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding an HS256 key, or a PEM RSA (RS256) or EC P-256 (ES256) private key.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>An external OIDC issuer; when set, its discovery document and JWKS validate tokens and login is off.</summary>
    public string? Authority { get; set; }

    /// <summary>The claim of external tokens that carries roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Whether the authority's metadata must be fetched over HTTPS (switch off only for local tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tokens longer than this are refused before parsing.</summary>
    public int MaxTokenBytes { get; set; } = 16 * 1024;

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public LoginRateLimitOptions LoginRateLimit { get; set; } = new();
}

/// <summary>The first admin, created on a start with no users (section <c>Auth:BootstrapAdmin</c>).</summary>
public sealed class BootstrapAdminOptions
{
    public string Username { get; set; } = "admin";

    /// <summary>Empty: a strong password is generated and printed once.</summary>
    public string? Password { get; set; }
}

/// <summary>Failed logins allowed per username and per client address in a sliding window (section <c>Auth:LoginRateLimit</c>).</summary>
public sealed class LoginRateLimitOptions
{
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
