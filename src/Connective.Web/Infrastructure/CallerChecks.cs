namespace Connective.Web.Infrastructure;

/// <summary>
/// "Who may call" rules that depend on the caller and the route (not a resident record, a helper outside your wards),
/// run after authentication and authorization but before the endpoint reads its body. A body is bound and validated
/// before a handler's own first line, so a check written in the handler answered a caller who may not call at all with
/// 400 for a bad body instead of 403: that told a stranger about the shape of the request and made the refusal depend
/// on what was sent. An endpoint declares its rule with <see cref="RequireCaller{TBuilder}"/>.
/// </summary>
public static class CallerChecks
{
    /// <summary>The rule: the refusal to send (a 403 ProblemDetails), or null when the caller may go on.</summary>
    public sealed record Rule(Func<HttpContext, Task<IResult?>> RefusalFor);

    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, Func<HttpContext, Task<IResult?>> refusalFor) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Rule(refusalFor));

    /// <summary>Runs each rule of the matched endpoint; call after UseAuthorization.</summary>
    public static IApplicationBuilder UseCallerChecks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            foreach (var rule in context.GetEndpoint()?.Metadata.GetOrderedMetadata<Rule>() ?? [])
            {
                if (await rule.RefusalFor(context) is { } refusal)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });

    /// <summary>A whole-number route value, or null when absent or not a number (the route constraint then never matched).</summary>
    public static long? RouteNumber(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return long.TryParse(context.Request.RouteValues[name]?.ToString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
