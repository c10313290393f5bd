namespace Connective.Web.Features.Community;

/// <summary>The Community area: wards, households, residents and the ties between them.</summary>
internal static class CommunityFeature
{
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddSingleton<CommunityNetwork>();
        services.AddScoped<CommunityQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapCommunity(this IEndpointRouteBuilder endpoints) => endpoints.MapCommunityApi();

    /// <summary>
    /// Pages and endpoints that name a person exist only in the Demo and Development environments, where every person
    /// is fictional, until the identity issue puts them behind sign-in and roles.
    /// </summary>
    public static bool ShowsNamedPeople(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Demo");
}
