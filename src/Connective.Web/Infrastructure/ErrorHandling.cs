using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

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
        // A body the API cannot read throws (rather than a bare 400 logged at debug level), so that the handler below
        // can answer with the field at fault; JSON numbers and dates are read strictly, never from strings.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            // A null where the type allows none is refused naming the property; a missing one is caught by [Required].
            options.SerializerOptions.RespectNullableAnnotations = true;
        });
        // Data annotations on API bodies and parameters are checked before a handler runs (ProblemDetails naming each field).
        services.AddValidation();
        return services;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // The API exception handler answers /api requests; the rest re-execute the error page.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPagePath,
                // Two writes that collide are the caller's conflict to retry, not a server fault.
                StatusCodeSelector = exception => IsConflict(exception) ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }

        app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApiRequest(context), pages => pages.UseStatusCodePagesWithReExecute(ErrorPagePath + "/{0}"));
        return app;
    }

    /// <summary>A write that lost a race with another (an optimistic concurrency check, a unique key taken meanwhile).</summary>
    public static bool IsConflict(Exception exception) => exception is DbUpdateConcurrencyException or DbUpdateException { InnerException: System.Data.Common.DbException { SqlState: "23505" } }
        || exception is DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 or 5 } };

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Unhandled exceptions on API paths become a 500 ProblemDetails without details of the exception.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // By now the request path is already the error page's; the failing request's path is in the feature.
            var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
            if (!new PathString(originalPath).StartsWithSegments("/api"))
            {
                return false;
            }

            if (exception is BadHttpRequestException badRequest)
            {
                return await WriteBadRequestAsync(httpContext, badRequest);
            }
            if (IsConflict(exception))
            {
                logger.LogWarning(exception, "Conflicting write on {Method} {Path}", httpContext.Request.Method, originalPath);
                httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status409Conflict,
                        Title = "Conflict",
                        Detail = "Someone else changed this at the same moment. Reload it and try again.",
                    },
                });
            }
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, originalPath);
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

        /// <summary>
        /// A body or parameter that could not be read: a validation problem naming the field (the JSON path of the value
        /// at fault, or "body" when there is no usable body at all), never the exception's own text.
        /// </summary>
        private async ValueTask<bool> WriteBadRequestAsync(HttpContext httpContext, BadHttpRequestException exception)
        {
            var (field, message) = exception.InnerException switch
            {
                JsonException { Path: { Length: > 1 } path } => (FieldOf(path), $"The value of {FieldOf(path)} is not of the right type or format."),
                JsonException => ("body", "The body is not a JSON object of the documented shape."),
                _ when exception.StatusCode == StatusCodes.Status415UnsupportedMediaType => ("body", "Send the body as application/json."),
                _ when exception.Message.Contains("from body", StringComparison.Ordinal) => ("body", "Send a JSON object as the body."),
                _ => (ParameterOf(exception.Message) ?? "request", "This value could not be read."),
            };
            httpContext.Response.StatusCode = exception.StatusCode;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = exception.StatusCode,
                    Title = "One or more values are not valid.",
                },
            });
        }

        /// <summary>"$.taskTypeIds[2]" becomes "taskTypeIds[2]".</summary>
        private static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

        /// <summary>The parameter named in ASP.NET Core's message (`Failed to bind parameter "int id" from "x".`), if any.</summary>
        private static string? ParameterOf(string message)
        {
            var start = message.IndexOf('"', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
            return end > start ? message[(start + 1)..end].Split(' ')[^1] : null;
        }
    }
}
