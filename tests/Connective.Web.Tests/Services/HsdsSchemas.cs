using System.Text.Json;
using Connective.TestSupport;
using Json.Schema;

namespace Connective.Web.Tests.Services;

/// <summary>
/// The official HSDS 3.0 schemas from ../shared/data/schemas/hsds-3.0, each registered under its published address
/// (the raw GitHub URL the standard's OpenAPI document uses), so every $ref, relative or remote, resolves to a local
/// file and nothing is fetched at test time.
/// </summary>
internal static class HsdsSchemas
{
    public const string PublishedBase = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    public static JsonSchema Get(string name) => Schemas.Value[name];

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = Path.GetDirectoryName(RepositoryPaths.SharedFile("schemas", "hsds-3.0", "service.json"))!;
        var registry = new SchemaRegistry();
        // The HSDS schemas carry descriptive keywords of their own (name, datapackage_metadata, constraints): the
        // 2020-12 dialect with unknown keywords allowed reads them as annotations, as JSON Schema itself intends.
        Dialect.Default = Dialect.Draft202012.With([], allowUnknownKeywords: true);
        var options = new BuildOptions { SchemaRegistry = registry };
        var pending = Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) is not ("openapi.json"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);
        var built = new Dictionary<string, JsonSchema>();
        var lastErrors = new Dictionary<string, string>();
        // Build leaves first: a schema builds once every schema it refers to is registered (building registers it).
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var (name, text) in pending.ToList())
            {
                var uri = new Uri(PublishedBase + name + ".json");
                try
                {
                    built[name] = JsonSchema.FromText(text, options, uri);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    // A reference not registered yet: try again after the others.
                    lastErrors[name] = error.Message;
                    continue;
                }
                pending.Remove(name);
                progress = true;
            }
            if (!progress)
            {
                throw new InvalidOperationException("These HSDS schemas could not be built: " + string.Join("; ", pending.Keys.Select(k => $"{k}: {lastErrors.GetValueOrDefault(k)}")));
            }
        }
        return built;
    }

    /// <summary>Every error of an instance against a schema, as "instance location: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schema, JsonElement instance)
    {
        var results = Get(schema).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }
        return [.. (results.Details ?? []).Append(results).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }
}
