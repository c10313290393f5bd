using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connective.Web.Features.Api;

/// <summary>
/// A browsable reference for the JSON API, rendered on the server from the same OpenAPI document that
/// /openapi/v1.json serves. Interactive explorers (Swagger UI, Scalar) need inline scripts and styles,
/// which the Content Security Policy forbids; this page needs neither and meets the same accessibility bar.
/// </summary>
public sealed class ReferenceModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public string Title { get; private set; } = "";
    public string? Version { get; private set; }
    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];
    public IReadOnlyList<ApiSchema> Schemas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "Connective API";
        Version = document.Info?.Version;

        Operations = [.. (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(operation => Describe(path.Key, operation.Key, operation.Value)))
            .OrderBy(operation => operation.Path, StringComparer.Ordinal)
            .ThenBy(operation => operation.Method, StringComparer.Ordinal)];

        Schemas = [.. (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(schema => schema.Key, StringComparer.Ordinal)
            .Select(schema => new ApiSchema(
                schema.Key,
                schema.Value.Description,
                [.. (schema.Value.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(property => new ApiProperty(
                    property.Key,
                    TypeName(property.Value),
                    schema.Value.Required?.Contains(property.Key) == true))]))];
    }

    private static ApiOperation Describe(string path, HttpMethod method, OpenApiOperation operation) => new(
        method.Method.ToUpperInvariant(),
        path,
        operation.Summary,
        operation.Description,
        [.. (operation.Parameters ?? []).Select(parameter => new ApiParameter(
            parameter.Name ?? "",
            parameter.In?.ToString().ToLowerInvariant() ?? "",
            parameter.Schema is null ? "" : TypeName(parameter.Schema),
            parameter.Required))],
        [.. (operation.Responses ?? []).Select(response => new ApiResponse(
            response.Key,
            response.Value.Description ?? "",
            string.Join(", ", (response.Value.Content ?? new Dictionary<string, OpenApiMediaType>())
                .Select(content => content.Value.Schema is null ? content.Key : $"{content.Key}: {TypeName(content.Value.Schema)}"))))]);

    /// <summary>A reader's name for a schema: a component's name, "array of …", or the JSON type and format.</summary>
    public static string TypeName(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            return id;
        }
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Array) && schema.Items is { } items)
        {
            return "array of " + TypeName(items);
        }
        if (schema.Type is { } jsonType)
        {
            var names = Enum.GetValues<JsonSchemaType>()
                .Where(flag => flag != JsonSchemaType.Null && jsonType.HasFlag(flag))
                .Select(flag => flag.ToString().ToLower(CultureInfo.InvariantCulture));
            var name = string.Join(" or ", names) + (schema.Format is null ? "" : $" ({schema.Format})");
            return jsonType.HasFlag(JsonSchemaType.Null) ? name + ", or null" : name;
        }
        return "any";
    }
}

public sealed record ApiOperation(string Method, string Path, string? Summary, string? Description,
    IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<ApiResponse> Responses)
{
    public string Anchor => "operation-" + Method.ToLowerInvariant() + new string([.. Path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}

public sealed record ApiParameter(string Name, string In, string Type, bool Required);

public sealed record ApiResponse(string StatusCode, string Description, string Content);

public sealed record ApiSchema(string Name, string? Description, IReadOnlyList<ApiProperty> Properties)
{
    public string Anchor => "schema-" + Name;
}

public sealed record ApiProperty(string Name, string Type, bool Required);
