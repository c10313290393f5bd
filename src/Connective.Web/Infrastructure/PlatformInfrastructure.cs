using System.Reflection;

namespace Connective.Web.Infrastructure;

/// <summary>Cross-cutting set-up: Razor Pages, security headers, errors, health, OpenAPI, logging.</summary>
internal static class PlatformInfrastructure
{
    public static string Version { get; } =
        typeof(PlatformInfrastructure).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static WebApplicationBuilder AddPlatformInfrastructure(this WebApplicationBuilder builder)
    {
        // Structured logs (one JSON object a line) wherever the output goes to a log collector;
        // plain text only for a developer's own terminal.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.IncludeScopes = true;
            });
        }

        // In every environment, not only Development: a service that cannot be built, or a singleton that captures a
        // scoped one (a DbContext shared by every request), fails the start instead of the first request that meets it.
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });

        builder.Services.AddOptions<PlatformOptions>()
            .BindConfiguration(PlatformOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPublicLinks();
        builder.AddReverseProxy();

        // Razor Pages live beside their feature's API and services, under Features/<Area>/.
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
        // Every view's text goes through this encoder: text with bidirectional controls is isolated (issue 12 item 13).
        builder.Services.AddSingleton<System.Text.Encodings.Web.HtmlEncoder>(new BidiIsolatingHtmlEncoder(System.Text.Encodings.Web.HtmlEncoder.Default));
        builder.Services.AddScoped<CspNonce>();
        builder.Services.AddErrorHandling();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, context, _) =>
        {
            // Clients call the configured public address, never whatever Host header fetched the document.
            var links = context.ApplicationServices.GetRequiredService<PublicLinks>();
            document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = links.BaseUrl.AbsoluteUri.TrimEnd('/') }];
            document.Info.Title = "Connective API";
            document.Info.Version = Version;
            document.Info.Description = "JSON API of Connective, socially-networked public services. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UsePlatformInfrastructure(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseSecurityHeaders();
        app.UseErrorHandling();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestProtection();

        app.MapRazorPages();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        return app;
    }
}
