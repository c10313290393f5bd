using Connective.Web.Demo;
using Connective.Web.Features.Circle.Demo;
using Connective.Web.Features.Circle.Erasure;
using Connective.Web.Platform.DataRights;
using Connective.Web.Platform.OpenData;

namespace Connective.Web.Features.Circle;

/// <summary>The Circle area's core: requests, offers, helpers and vetting, waves, the coordinator's queue.</summary>
internal static class CircleFeature
{
    public static IServiceCollection AddCircle(this IServiceCollection services)
    {
        services.AddOptions<CircleOptions>().BindConfiguration(CircleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(CirclePolicies.Coordinator, policy => policy.RequireRole(CirclePolicies.CoordinatorRoles));
        services.AddSingleton<CircleMatching>();
        services.AddScoped<CircleTasks>();
        services.AddScoped<CircleHelpers>();
        services.AddScoped<CircleQueries>();
        services.AddErasureParticipant<CircleErasure>();
        services.AddExportParticipant<CircleExport>();
        services.AddDemoSeedParticipant<CircleDemoSeed>();
        services.AddOpenDataset<CircleActivityByWard>();
        services.AddHostedService<CircleScheduler>();
        return services;
    }

    public static IEndpointRouteBuilder MapCircle(this IEndpointRouteBuilder endpoints) => endpoints.MapCircleApi();
}
