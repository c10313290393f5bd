using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Errors;

/// <summary>
/// The page shown for 404s, other client errors and unhandled exceptions (re-executed by the error
/// handling middleware). It never shows details of an exception: those go to the log.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int ShownStatusCode { get; private set; }

    public void OnGet(int? statusCode) => Show(statusCode);

    // Unhandled exceptions in a POST re-execute the error page with the same method.
    public void OnPost(int? statusCode) => Show(statusCode);

    private void Show(int? statusCode)
    {
        // Reached directly (not re-executed) with a code outside the error range, this is still an error page.
        ShownStatusCode = statusCode is >= 400 and <= 599 ? statusCode.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = ShownStatusCode;
    }
}
