using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.BrowserTests;

/// <summary>A GET route of the app: its pattern, and whether it is a Razor Page (HTML) or an endpoint.</summary>
public sealed record AppRoute(string Pattern, bool IsPage, IReadOnlyList<string> RequiredParameters, Regex Matcher)
{
    public bool HasParameters => RequiredParameters.Count > 0;
}

/// <summary>
/// Every page the app can serve, found from its own endpoint data source rather than a hand-kept list,
/// so a new page is scanned by the browser tests from the moment it exists.
/// </summary>
internal static class AppPages
{
    /// <summary>Route values that no page links to but that a route needs (the OpenAPI document's name).</summary>
    private static readonly Dictionary<string, string> KnownValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["documentName"] = "v1",
    };

    /// <summary>Routes under these prefixes are covered by their own tests (the error page needs a failing request).</summary>
    private static readonly string[] CoveredElsewhere = ["error"];

    public static IReadOnlyList<(AppRoute Route, string? Path)> Enumerate(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var result = new List<(AppRoute, string?)>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains(HttpMethods.Get))
            {
                continue;
            }
            var pattern = endpoint.RoutePattern;
            var raw = pattern.RawText?.TrimStart('/') ?? "";
            if (CoveredElsewhere.Any(prefix => raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var isPage = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null
                         || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var required = pattern.Parameters
                .Where(parameter => !parameter.IsOptional && parameter.Default is null)
                .Select(parameter => parameter.Name)
                .ToList();
            var route = new AppRoute("/" + raw, isPage, required, MatcherFor(pattern));

            // Parameters with a known value are filled in now; the rest come from links on the pages.
            var path = required.All(KnownValues.ContainsKey) ? PathWithKnownValues(pattern) : null;
            result.Add((route, path));
        }
        return result;
    }

    /// <summary>The path of a route with known values filled in and optional parameters left out.</summary>
    private static string PathWithKnownValues(RoutePattern pattern)
    {
        var segments = pattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => KnownValues.GetValueOrDefault(parameter.Name, ""),
                _ => "",
            })))
            .Where(segment => segment.Length > 0);
        return "/" + string.Join('/', segments);
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
            RoutePatternParameterPart => "[^/]+",
            _ => "",
        })));
        return new Regex("^/" + string.Join('/', segments) + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
