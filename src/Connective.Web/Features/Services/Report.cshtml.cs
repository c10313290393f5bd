using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Services;

/// <summary>A resident reports a problem (FixMyStreet style): category, what, where; a response deadline starts.</summary>
[Authorize]
public sealed class ReportModel(Data.AppDbContext db, ServiceFeedbackTasks tasks, CurrentPerson identity, IOptions<ServicesOptions> options) : PageModel
{
    public Guid Id { get; private set; }
    public string ServiceName { get; private set; } = "";
    public int ResponseDays => options.Value.ProblemResponseDays;
    public ProblemCategory Category { get; private set; }
    public string? Description { get; private set; }
    public string? Place { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, ProblemCategory category, string? description, string? place, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (Category, Description, Place) = (category, description, place);
        var residentId = await identity.ResidentIdAsync(User, cancellationToken);
        var (created, errors) = await tasks.ReportProblemAsync(new NewProblemReport(id, category, description ?? "", string.IsNullOrWhiteSpace(place) ? null : place, null, null, residentId), cancellationToken);
        if (created is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        return RedirectToPage("/Services/Service", new { id, notice = "report" });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        ServiceName = await db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(ct) ?? "";
        return ServiceName.Length > 0;
    }
}
