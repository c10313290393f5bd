namespace Connective.Web.Infrastructure;

/// <summary>Cross-cutting set-up: Razor Pages, security headers, errors, health, OpenAPI, logging.</summary>
internal static class PlatformInfrastructure
{
    public static WebApplicationBuilder AddPlatformInfrastructure(this WebApplicationBuilder builder)
    {
        // Razor Pages live beside their feature's API and services, under Features/<Area>/.
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
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
