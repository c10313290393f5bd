using Connective.Web.Demo;
using Connective.Web.Platform.DataRights;

namespace Connective.Web.Features.Insight;

/// <summary>The Insight area: the community as a network, for the staff who plan help.</summary>
internal static class InsightFeature
{
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddOptions<InsightOptions>().BindConfiguration(InsightOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InsightNetwork>();
        services.AddHostedService<InsightSnapshotBuilder>();
        services.AddScoped<InsightQueries>();
        services.AddScoped<InsightLifeEvents>();
        services.AddScoped<InsightAudit>();
        services.AddExportParticipant<InsightExport>();
        services.AddErasureParticipant<InsightErasure>();
        services.AddDemoSeedParticipant<InsightDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder endpoints) => endpoints.MapInsightApi();
}
