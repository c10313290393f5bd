using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Audit;

/// <summary>
/// Safeguarding leads open and close the enquiries that accesses are recorded under. While an enquiry is open, the
/// person it is about does not see those accesses in "who looked at my data"; once it is closed they see them by role
/// only. Opening and closing are audited under the enquiry itself.
/// </summary>
[Authorize(Policy = Policies.SafeguardingLead)]
public sealed class EnquiriesModel(AppDbContext db, AuditLog audit, RoleScopes scopes) : PageModel
{
    public const int ClosedShown = 100;

    public sealed record EnquiryRow(long Id, AuditBasis Basis, int? SubjectResidentId, DateTime OpenedAt, DateTime? ClosedAt, string Reason);

    public IReadOnlyList<EnquiryRow> Open { get; private set; } = [];
    public IReadOnlyList<EnquiryRow> Closed { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty]
    public AuditBasis Basis { get; set; } = AuditBasis.SafeguardingEnquiry;

    [BindProperty]
    public int? SubjectResidentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the messages below are the page's own, in its words
        if (Basis is not (AuditBasis.SafeguardingEnquiry or AuditBasis.LegalExemption))
        {
            ModelState.AddModelError(nameof(Basis), "Choose whether this is a safeguarding enquiry or a legal exemption");
        }
        if (SubjectResidentId is not { } subject)
        {
            ModelState.AddModelError(nameof(SubjectResidentId), "Enter the resident id of the person the enquiry is about");
        }
        else if (await db.Residents.AsNoTracking().Where(resident => resident.Id == subject).Select(resident => (int?)resident.WardId).SingleOrDefaultAsync(cancellationToken) is not { } wardId)
        {
            ModelState.AddModelError(nameof(SubjectResidentId), "There is no resident with that id");
        }
        else if (await scopes.ForAsync(User, cancellationToken) is not { } scope || !scope.HoldsIn(Roles.SafeguardingLead, wardId))
        {
            ModelState.AddModelError(nameof(SubjectResidentId), "That resident lives in a ward you are not safeguarding lead for");
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter the reason for the enquiry");
        }
        else if (Reason.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 500 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        await audit.OpenEnquiryAsync(User, Basis, Reason!, SubjectResidentId, cancellationToken);
        return RedirectToPage(new { done = "opened" });
    }

    public async Task<IActionResult> OnPostCloseAsync(long enquiryId, CancellationToken cancellationToken)
    {
        if (!await audit.CloseEnquiryAsync(User, enquiryId, cancellationToken))
        {
            ModelState.AddModelError("enquiries", $"There is no open enquiry {enquiryId}");
            await LoadAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage(new { done = "closed" });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var enquiries = db.AuditEnquiries.AsNoTracking();
        Open = await Rows(enquiries.Where(enquiry => enquiry.ClosedAt == null).OrderByDescending(enquiry => enquiry.Id)).ToListAsync(cancellationToken);
        Closed = await Rows(enquiries.Where(enquiry => enquiry.ClosedAt != null).OrderByDescending(enquiry => enquiry.Id).Take(ClosedShown)).ToListAsync(cancellationToken);
    }

    private static IQueryable<EnquiryRow> Rows(IQueryable<AuditEnquiry> enquiries) =>
        enquiries.Select(enquiry => new EnquiryRow(enquiry.Id, enquiry.Basis, enquiry.SubjectResidentId, enquiry.OpenedAt, enquiry.ClosedAt, enquiry.Reason));

    /// <summary>The basis in words.</summary>
    public static string Describe(AuditBasis basis) => basis == AuditBasis.LegalExemption ? "Legal exemption" : "Safeguarding enquiry";
}
