using Microsoft.AspNetCore.Diagnostics;

namespace Connective.Web.Infrastructure;

/// <summary>
/// Errors: JSON ProblemDetails for the API under /api, GOV.UK-style error pages for everything else,
/// and never a stack trace outside Development.
/// </summary>
internal static class ErrorHandling
{
    public const string ErrorPagePath = "/error";

    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // The API exception handler answers /api requests; the rest re-execute the error page.
            app.UseExceptionHandler(ErrorPagePath);
            app.UseHsts();
        }

        app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApiRequest(context), pages => pages.UseStatusCodePagesWithReExecute(ErrorPagePath + "/{0}"));
        return app;
    }

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Unhandled exceptions on API paths become a 500 ProblemDetails without details of the exception.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!IsApiRequest(httpContext))
            {
                return false;
            }

            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "An unexpected error occurred.",
                },
            });
        }
    }
}
