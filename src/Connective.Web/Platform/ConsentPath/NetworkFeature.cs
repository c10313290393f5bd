namespace Connective.Web.Platform.ConsentPath;

/// <summary>The consent query path: consent records and the consent-filtered network every feature reads through.</summary>
internal static class NetworkFeature
{
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddSingleton<ConsentedNetwork>();
        services.AddScoped<ConsentRecords>();
        return services;
    }
}
