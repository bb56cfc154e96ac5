using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CollectionStore.Api.Transport.HttpStreams;

/// <summary>Registers what the HTTP streaming transports share: their options and the per-client stream admission.</summary>
internal static class HttpStreamsServiceCollectionExtensions
{
    public static IServiceCollection AddHttpStreams(this IServiceCollection services)
    {
        services.AddOptions<StreamOptions>()
            .BindConfiguration(StreamOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<StreamAdmission>();
        return services;
    }
}
