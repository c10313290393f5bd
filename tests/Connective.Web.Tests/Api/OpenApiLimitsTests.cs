using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Api;

/// <summary>
/// The OpenAPI document carries every limit the API enforces on a request body ([Range], [StringLength], [MinLength],
/// [MaxLength] become minimum, maximum, minLength, maxLength, minItems, maxItems), so that clients, and the fuzz test that
/// checks stored values against the document, see the same ranges the server checks.
/// </summary>
public sealed class OpenApiLimitsTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Every_limit_on_a_request_body_is_in_its_schema()
    {
        using var client = app.Factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .Where(operation => operation.Value?["operationId"] is not null)
            .ToDictionary(operation => operation.Value!["operationId"]!.GetValue<string>(), operation => operation.Value!);
        var failures = new List<string>();
        var checkedLimits = 0;
        foreach (var endpoint in app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } bodyType
                || endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name
                || !operations.TryGetValue(name, out var operation))
            {
                continue;
            }
            var schema = Resolve(document, operation["requestBody"]?["content"]?["application/json"]?["schema"]);
            foreach (var property in bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var propertySchema = schema?["properties"]?[JsonNamingPolicy.CamelCase.ConvertName(property.Name)];
                var candidates = new[] { propertySchema, Resolve(document, propertySchema) };
                foreach (var (keyword, expected) in Limits(property))
                {
                    checkedLimits++;
                    var documented = candidates.Select(candidate => candidate?[keyword]).FirstOrDefault(value => value is not null);
                    if (documented is null || Math.Abs(documented.GetValue<double>() - expected) > 1e-9)
                    {
                        failures.Add($"{name}: {bodyType.Name}.{property.Name} enforces {keyword} {expected} but documents {documented?.ToJsonString() ?? "nothing"}");
                    }
                }
            }
        }

        Assert.True(checkedLimits >= 20, $"only {checkedLimits} limits were found to check");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The JSON Schema keywords and values the property's validation attributes stand for.</summary>
    private static IEnumerable<(string Keyword, double Value)> Limits(PropertyInfo property)
    {
        var isText = property.PropertyType == typeof(string);
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            switch (attribute)
            {
                // A range on an enum (a set of flags) or a date has no JSON Schema keyword: the schema lists the names instead.
                case RangeAttribute range when range.OperandType != typeof(DateTime) && !(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).IsEnum:
                    yield return ("minimum", Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture));
                    yield return ("maximum", Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case StringLengthAttribute length:
                    yield return ("maxLength", length.MaximumLength);
                    if (length.MinimumLength > 0)
                    {
                        yield return ("minLength", length.MinimumLength);
                    }
                    break;
                case MaxLengthAttribute max:
                    yield return (isText ? "maxLength" : "maxItems", max.Length);
                    break;
                case MinLengthAttribute min:
                    yield return (isText ? "minLength" : "minItems", min.Length);
                    break;
            }
        }
    }

    /// <summary>Follows a $ref, and for a nullable value the schema of the value itself.</summary>
    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 5; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
                continue;
            }
            if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray union)
            {
                schema = union.FirstOrDefault(option => option?["type"]?.ToString() != "null" && option is not null) ?? schema;
                if (schema["oneOf"] is null && schema["anyOf"] is null)
                {
                    continue;
                }
            }
            break;
        }
        return schema;
    }
}
