using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>The public pages every template links, the about API, health, the OpenAPI document and the error page.</summary>
internal sealed class MatrixHome : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /", "Connective: public services that work with your community").Get("/").Everyone(Ok),
        new MatrixEntry("PAGE /privacy", "Privacy notice</h1>").Get("/privacy").Everyone(Ok),
        new MatrixEntry("PAGE /cookies", "Cookies</h1>").Get("/cookies").Everyone(Ok),
        new MatrixEntry("PAGE /accessibility", "Accessibility statement for Connective</h1>").Get("/accessibility").Everyone(Ok),
        new MatrixEntry("PAGE /api-reference", "API reference</h1>").Get("/api-reference").Everyone(Ok),
        // The error page answers with the status it describes, for everyone.
        new MatrixEntry("PAGE /error/{statusCode:int?}", "Page not found</h1>", allowedStatus: 404).Get("/error/404").Everyone(Ok),
        new MatrixEntry("GET /api/v1/about", "\"name\":\"Connective\"").Get("/api/v1/about").Everyone(Ok),
        new MatrixEntry("ANY /health/live", "Healthy").Get("/health/live").Everyone(Ok),
        new MatrixEntry("ANY /health/ready", "Healthy").Get("/health/ready").Everyone(Ok),
        new MatrixEntry("GET /openapi/{documentName}.json", "\"openapi\"").Get("/openapi/v1.json").Everyone(Ok),
    ];
}
