using Connective.Web.Features.Circle.Meetups;
using Connective.Web.Features.Circle.Safeguarding;
using Connective.Web.Platform.Access;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>The policies Circle's community pages ask for by name.</summary>
public static class CircleCommunityPolicies
{
    /// <summary>Safeguarding concerns are read and handled only by the safeguarding lead.</summary>
    public const string SafeguardingLead = "CircleSafeguardingLead";
}

/// <summary>Circle's community side: time credits and thanks, circles and meetups, safeguarding.</summary>
internal static class CircleCommunityFeature
{
    public static IServiceCollection AddCircleCommunity(this IServiceCollection services)
    {
        services.AddSingleton<ObservedTies>();
        services.AddScoped<TimeCredits>();
        services.AddScoped<MeetupBook>();
        services.AddScoped<SafeguardingCases>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CircleCommunityPolicies.SafeguardingLead, policy => policy.RequireRole(Roles.SafeguardingLead));
        return services;
    }

    public static IEndpointRouteBuilder MapCircleCommunity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCreditsApi();
        endpoints.MapMeetupsApi();
        endpoints.MapSafeguardingApi();
        return endpoints;
    }
}
