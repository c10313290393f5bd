using Connective.Web.Features.Circle.Credits;
using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Safeguarding;

/// <summary>One concern for the safeguarding lead: read (audited), notes, status, referral and removal of a helper.</summary>
[Authorize(Policy = CircleCommunityPolicies.SafeguardingLead)]
public sealed class ConcernModel(SafeguardingCases cases) : PageModel
{
    public ConcernDetail Concern { get; private set; } = null!;

    /// <summary>The page's fields in order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder = ["text", "agency", "reference", "removeHelperResidentId", "confirmHelperName"];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostNoteAsync(long id, string? text, CancellationToken cancellationToken)
    {
        var error = await cases.AddNoteAsync(User, id, text, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("text", error);
            return await LoadAsync(id, cancellationToken);
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, ConcernStatus status, CancellationToken cancellationToken)
    {
        await cases.SetStatusAsync(User, id, status, cancellationToken);
        return RedirectToPage(new { id });
    }

    public static string ReinstateField(int helperResidentId) => $"reinstate-name-{helperResidentId}";

    public async Task<IActionResult> OnPostReinstateAsync(long id, int helperResidentId, string? confirmHelperName, CancellationToken cancellationToken)
    {
        if (Platform.Access.RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        var errors = await cases.ReinstateAsync(User, id, new HelperReinstatement(helperResidentId, confirmHelperName), cancellationToken);
        if (errors.Count > 0)
        {
            // One form per removed helper: the error goes to that form's name field.
            ModelState.AddModelError(ReinstateField(helperResidentId), errors.Values.First());
            return await LoadAsync(id, cancellationToken);
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReferralAsync(long id, ReferralAgency? agency, string? reference, int? removeHelperResidentId, string? confirmHelperName,
        CancellationToken cancellationToken)
    {
        // Removing a helper for harm suspends them and takes their role: it asks for a recent sign-in.
        if (removeHelperResidentId is not null && Platform.Access.RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        var errors = await cases.ReferAsync(User, id, new NewReferral(agency, reference, removeHelperResidentId, confirmHelperName), cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return await LoadAsync(id, cancellationToken);
        }
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var concern = await cases.DetailAsync(User, id, cancellationToken);
        if (concern is null)
        {
            return NotFound();
        }
        Concern = concern;
        return Page();
    }

    public static string Describe(ReferralAgency agency) => agency switch
    {
        ReferralAgency.DisclosureAndBarringService => "Disclosure and Barring Service (barring referral)",
        ReferralAgency.LocalAuthorityAdultSafeguarding => "Local authority adult safeguarding",
        ReferralAgency.LocalAuthorityChildrensServices => "Local authority children's services",
        ReferralAgency.Police => "Police",
        ReferralAgency.DisclosureScotlandOrAccessNi => "Disclosure Scotland or AccessNI",
        _ => agency.ToString(),
    };
}
