using Connective.Web.Demo;
using Connective.Web.Platform.DataRights;

namespace Connective.Web.Features.Services;

/// <summary>The Services area: the Open Referral UK directory and its search, feedback, dashboards, pilots and corrections.</summary>
internal static class ServicesFeature
{
    public static IServiceCollection AddServicesArea(this IServiceCollection services)
    {
        services.AddOptions<ServicesOptions>().BindConfiguration(ServicesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(ServicesPolicies.Manager, policy => policy.RequireRole(ServicesPolicies.ManagerRoles));
        services.AddSignalR();
        services.AddSingleton<DirectorySearch>();
        services.AddSingleton<ServicesLive>();
        services.AddScoped<DirectoryQueries>();
        services.AddScoped<HsdsImport>();
        services.AddScoped<ServiceSearchPage>();
        services.AddScoped<ServiceReads>();
        services.AddScoped<ServiceFeedbackTasks>();
        services.AddScoped<ServiceDashboards>();
        services.AddScoped<ServicePilots>();
        services.AddScoped<DirectoryCorrections>();
        services.AddExportParticipant<ServicesExport>();
        services.AddErasureParticipant<ServicesErasure>();
        services.AddDemoSeedParticipant<ServicesDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapServicesArea(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapServicesApi();
        endpoints.MapHub<ServicesHub>(ServicesHub.Path);
        return endpoints;
    }
}
