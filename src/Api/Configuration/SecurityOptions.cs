namespace CollectionStore.Api.Configuration;

/// <summary>Switches for production hardening (configuration section <c>Security</c>).</summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Whether callers without a token may run introspection (<c>__schema</c>, <c>__type</c>); on by default so
    /// GraphiQL, code generators and the HTTP audit work. <c>__typename</c> is always allowed.
    /// </summary>
    public bool AnonymousIntrospection { get; set; } = true;
}
