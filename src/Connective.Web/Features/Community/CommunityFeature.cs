namespace Connective.Web.Features.Community;

/// <summary>The Community area: wards, households, residents and the ties between them.</summary>
internal static class CommunityFeature
{
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddSingleton<CommunityNetwork>();
        services.AddScoped<CommunityQueries>();
        services.AddHostedService<NetworkSnapshotWarmUp>();
        return services;
    }

    public static IEndpointRouteBuilder MapCommunity(this IEndpointRouteBuilder endpoints) => endpoints.MapCommunityApi();
}
