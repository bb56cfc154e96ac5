namespace CollectionStore.Api.Transport.Multipart;

/// <summary>Registers the Apollo multipart subscription transport.</summary>
internal static class MultipartServiceCollectionExtensions
{
    public static IServiceCollection AddMultipartSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MultipartOptions>()
            .Bind(configuration.GetSection(MultipartOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MultipartSubscriptionEndpoint>();
        return services;
    }
}
