using System.Reflection;
using System.Text.Json.Nodes;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Api;

/// <summary>
/// A handler's name says what it does (GetX reads, PostX creates or acts, PutX replaces, DeleteX removes), and the verb it is
/// mapped with, and that the OpenAPI document publishes, must say the same: a client retries a PUT, never a POST.
/// </summary>
public sealed class HttpVerbTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    private static readonly string[] Verbs = ["Get", "Post", "Put", "Delete", "Patch"];

    [Fact]
    public async Task Every_api_handler_is_mapped_and_documented_with_the_verb_its_name_says()
    {
        var handlers = ApiHandlers().ToList();
        var document = JsonNode.Parse(await app.Factory.CreateClient().GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();

        var wrong = new List<string>();
        foreach (var (route, methods, handler) in handlers)
        {
            var verb = Verbs.FirstOrDefault(verb => handler.Name.StartsWith(verb, StringComparison.Ordinal) && handler.Name.Length > verb.Length && char.IsUpper(handler.Name[verb.Length]));
            if (verb is null)
            {
                continue; // an action named for what it does (Accept, Suspend) is a POST by convention, checked by nothing here
            }
            if (!methods.SequenceEqual([verb.ToUpperInvariant()]))
            {
                wrong.Add($"{handler.DeclaringType!.Name}.{handler.Name} is mapped as {string.Join('/', methods)} {route}");
            }
            var documented = document[OpenApiPath(route)]?.AsObject().Select(operation => operation.Key.ToUpperInvariant()).ToList() ?? [];
            if (!documented.Contains(verb.ToUpperInvariant()))
            {
                wrong.Add($"{handler.DeclaringType!.Name}.{handler.Name}: the OpenAPI document lists {OpenApiPath(route)} as {string.Join('/', documented)}");
            }
        }

        Assert.True(handlers.Count(handler => handler.Handler.Name.StartsWith("Put", StringComparison.Ordinal)) >= 2, "The scan found no PUT handlers to check.");
        Assert.True(wrong.Count == 0, "Verbs that do not match their handlers:\n" + string.Join('\n', wrong));
    }

    private IEnumerable<(string Route, IReadOnlyList<string> Methods, MethodInfo Handler)> ApiHandlers() =>
        app.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(endpoint => (
                endpoint.RoutePattern.RawText!,
                endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [],
                endpoint.Metadata.GetMetadata<MethodInfo>()))
            .Where(endpoint => endpoint.Item3 is not null)
            .Select(endpoint => (endpoint.Item1, endpoint.Item2, endpoint.Item3!))
            .DistinctBy(endpoint => (endpoint.Item1, string.Join('/', endpoint.Item2)));

    /// <summary>The document writes a route's parameters without their constraints: {id:long} is {id}.</summary>
    private static string OpenApiPath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:?]+)[^}]*\}", "{$1}");
}
