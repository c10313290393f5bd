using Connective.Web.Demo;
using Connective.Web.Platform.OpenData;

namespace Connective.Web.Features.Open;

/// <summary>The Open area: the open data portal, the council's own datasets and officers' uploads.</summary>
internal static class OpenFeature
{
    public static IServiceCollection AddOpen(this IServiceCollection services)
    {
        services.AddOptions<OpenOptions>().BindConfiguration(OpenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(OpenPolicies.Officer, policy => policy.RequireRole(OpenPolicies.OfficerRoles));
        services.AddScoped<OpenUploads>();
        services.AddOpenDataset<SpendingDataset>();
        services.AddOpenDataset<ContractsDataset>();
        services.AddOpenDataset<GrantsDataset>();
        services.AddDemoSeedParticipant<OpenDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpen(this IEndpointRouteBuilder endpoints) => endpoints.MapOpenApi();
}
