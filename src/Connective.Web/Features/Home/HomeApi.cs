using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connective.Web.Features.Home;

/// <summary>GET /api/v1/about: what this deployment is, so a client can check it is talking to Connective.</summary>
internal static class HomeApi
{
    public static IEndpointRouteBuilder MapHomeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/about", GetAbout)
            .WithName("GetAbout")
            .WithTags("About")
            .WithSummary("Describes this Connective deployment")
            .WithDescription("The platform's name, its version, who runs it and which of its six areas are built.");
        return endpoints;
    }

    public static Ok<AboutResponse> GetAbout(Microsoft.Extensions.Options.IOptions<PlatformOptions> options) =>
        TypedResults.Ok(new AboutResponse(
            "Connective",
            PlatformInfrastructure.Version,
            options.Value.OperatorName,
            [.. PlatformAreas.All.Select(area => new AreaResponse(area.Name, area.Path, area.IsBuilt))]));
}

/// <summary>The platform, its version, its operator and its areas.</summary>
public sealed record AboutResponse(string Name, string Version, string Operator, IReadOnlyList<AreaResponse> Areas);

/// <summary>One area: its name, where its pages are, and whether it is built yet.</summary>
public sealed record AreaResponse(string Name, string Path, bool IsBuilt);
