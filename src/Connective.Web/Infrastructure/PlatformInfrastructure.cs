namespace Connective.Web.Infrastructure;

/// <summary>Cross-cutting set-up: Razor Pages, security headers, errors, health, OpenAPI, logging.</summary>
internal static class PlatformInfrastructure
{
    public static WebApplicationBuilder AddPlatformInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication UsePlatformInfrastructure(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.MapRazorPages();
        return app;
    }
}
