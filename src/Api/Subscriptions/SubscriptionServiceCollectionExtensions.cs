using CollectionStore.Api.Bus;
using CollectionStore.Api.Bus.InMemory;

namespace CollectionStore.Api.Subscriptions;

/// <summary>Registers the subscription engine, its dispatcher and the in-memory change bus.</summary>
internal static class SubscriptionServiceCollectionExtensions
{
    public static IServiceCollection AddSubscriptionEngine(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>()
            .BindConfiguration(SubscriptionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SubscriptionMetrics>();
        services.AddSingleton<IChangeBus, InMemoryChangeBus>();
        services.AddHostedService<ChangePublisher>();
        services.AddSingleton<ChangeDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<ChangeDispatcher>());
        services.AddSingleton<ISubscriptionVisibility, RuleSubscriptionVisibility>();
        services.AddSingleton<ChangeStreams>();
        services.AddSingleton<SubscriptionEngine>();
        return services;
    }
}
