using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.BrowserTests;

/// <summary>A GET route of the app: its pattern, and whether it is a Razor Page (HTML) or an endpoint.</summary>
public sealed record AppRoute(string Pattern, bool IsPage, IReadOnlyList<string> RequiredParameters, Regex Matcher, RoutePattern RoutePattern)
{
    /// <summary>The path with the given route values, or null when a required one is missing. Optional parameters are left out.</summary>
    public string? PathWith(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!RequiredParameters.All(values.ContainsKey))
        {
            return null;
        }
        var segments = RoutePattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter when RequiredParameters.Contains(parameter.Name) => Uri.EscapeDataString(values[parameter.Name]),
                _ => "",
            })))
            .Where(segment => segment.Length > 0);
        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// What a parameter names, as the literal segments before it without "api/v1": /services/{id}/feedback and
    /// /api/v1/services/{id} both say "services", /voice/budgets/{id} says "voice/budgets". An {id} seen in one area's link
    /// is a value for that area's other routes, never for another area's.
    /// </summary>
    public string ScopeOf(string parameter)
    {
        var literals = new List<string>();
        foreach (var segment in RoutePattern.PathSegments)
        {
            if (segment.Parts.OfType<RoutePatternParameterPart>().Any(part => part.Name == parameter))
            {
                break;
            }
            literals.AddRange(segment.Parts.OfType<RoutePatternLiteralPart>().Select(part => part.Content));
        }
        var skip = literals.Count >= 2 && literals[0] == "api" && literals[1] == "v1" ? 2 : 0;
        return string.Join('/', literals.Skip(skip)) + "|" + parameter;
    }

    /// <summary>The route values in a concrete path of this route, e.g. {code: E05900001}.</summary>
    public IEnumerable<KeyValuePair<string, string>> ValuesIn(string path)
    {
        var match = Matcher.Match(path);
        return RequiredParameters
            .Where(name => match.Groups[name].Success)
            .Select(name => KeyValuePair.Create(name, Uri.UnescapeDataString(match.Groups[name].Value)));
    }
}

/// <summary>
/// Every page the app can serve, found from its own endpoint data source rather than a hand-kept list,
/// so a new page is scanned by the browser tests from the moment it exists.
/// </summary>
internal static class AppPages
{
    /// <summary>Route values that no page links to but that a route needs (the OpenAPI document's name).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["documentName"] = "v1",
        ["requestId"] = "1", // Circle's ranking explanation: the demo's first help request.
        ["dataset"] = "circle-activity-by-ward", // Open: a dataset every instance publishes, with rows from the demo.
    };

    /// <summary>
    /// Routes under these prefixes are covered by their own tests: the error page needs a failing request, and the audit
    /// export is a file download (which a browser does not display as a page).
    /// </summary>
    private static readonly string[] CoveredElsewhere = ["error", "admin/audit/export",
        // The safeguarding lead's API answers no one else (not even Admin, who signs in here); the matrix covers it.
        "api/v1/circle/safeguarding/concerns"];

    public static IReadOnlyList<AppRoute> Enumerate(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var result = new List<AppRoute>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains(HttpMethods.Get))
            {
                continue;
            }
            var pattern = endpoint.RoutePattern;
            var raw = pattern.RawText?.TrimStart('/') ?? "";
            // A SignalR hub (its negotiate endpoint included) is a connection for a page's script, not a page.
            if (CoveredElsewhere.Any(prefix => raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.SignalR.HubMetadata>() is not null)
            {
                continue;
            }

            var isPage = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null
                         || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var required = pattern.Parameters
                .Where(parameter => !parameter.IsOptional && parameter.Default is null)
                .Select(parameter => parameter.Name)
                .ToList();
            result.Add(new AppRoute("/" + raw, isPage, required, MatcherFor(pattern), pattern));
        }
        return result;
    }

    /// <summary>A regular expression that matches the concrete paths of a route pattern.</summary>
    private static Regex MatcherFor(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
            RoutePatternSeparatorPart separator => Regex.Escape(separator.Content),
            RoutePatternParameterPart { IsCatchAll: true } => ".+",
            RoutePatternParameterPart { IsOptional: true } => "[^/]*",
            RoutePatternParameterPart parameter => $"(?<{parameter.Name}>[^/]+)",
            _ => "",
        })));
        return new Regex("^/" + string.Join('/', segments) + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
