using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Safeguarding;

/// <summary>Anyone signed in raises a safeguarding concern about a person or a visit.</summary>
[Authorize]
public sealed class RaiseModel(SafeguardingCases cases) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? AboutResidentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? AboutTaskId { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public bool Sent { get; private set; }

    public void OnGet(bool sent = false) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (id, errors) = await cases.RaiseAsync(User, new NewConcern(Description, AboutResidentId, AboutTaskId), cancellationToken);
        if (id is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        return RedirectToPage(new { sent = true, AboutResidentId = (int?)null, AboutTaskId = (long?)null });
    }
}
