using System.Text.Json;
using System.Text.Json.Nodes;
using Connective.TestSupport;
using Json.Schema;

namespace Connective.Web.Tests.Open;

/// <summary>
/// The official OCDS 1.1 and 360Giving schemas from ../shared/data/schemas, loaded into a registry of their own with every
/// remote $ref mapped to the local file, and fetching turned off: nothing is fetched at test time. OCDS's schemas are
/// JSON Schema draft 4, which JsonSchema.Net does not read; their draft-4 "id" is renamed "$id" and they are evaluated as
/// draft 6, which draft 4 schemas without a boolean exclusiveMinimum/exclusiveMaximum (OCDS has none) mean the same under.
/// </summary>
internal static class OpenSchemas
{
    private static readonly Lazy<(JsonSchema Ocds, JsonSchema Grants)> Schemas = new(Load);

    public static JsonSchema OcdsReleasePackage => Schemas.Value.Ocds;

    public static JsonSchema ThreeSixtyGivingPackage => Schemas.Value.Grants;

    /// <summary>Every error the schema finds, as "instance location: message", or none.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid ? [] : [.. (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"))
            .DefaultIfEmpty("invalid (no details)")];
    }

    private static (JsonSchema, JsonSchema) Load()
    {
        var registry = new SchemaRegistry();
        registry.Fetch = (uri, _) => throw new InvalidOperationException($"A schema tried to fetch {uri}; map it to a file under ../shared/data/schemas.");
        var draft6 = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft06 };
        var draft2020 = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };

        JsonSchema Ocds(string file)
        {
            var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedFile("schemas", "ocds-1.1", file)))!.AsObject();
            var id = (string)node["id"]!;
            node.Remove("id");
            node["$id"] = id;
            node["$schema"] = "http://json-schema.org/draft-06/schema#";
            return JsonSchema.FromText(node.ToJsonString(), draft6, new Uri(id));
        }

        Ocds("release-schema.json");
        var ocds = Ocds("release-package-schema.json");

        // 360Giving's files name the 2020-12 meta-schema with http:, which the library knows only by its https: address.
        JsonSchema ThreeSixty(string file)
        {
            var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedFile("schemas", "360giving", file)))!.AsObject();
            node["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            return JsonSchema.FromText(node.ToJsonString(), draft2020);
        }

        var grant = ThreeSixty("360-giving-schema.json");
        // The package schema (1.4.3) still refers to the grant schema by its 1.4.2 address.
        registry.Register(new Uri("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"), grant);
        var package = ThreeSixty("360-giving-package-schema.json");
        return (ocds, package);
    }
}
