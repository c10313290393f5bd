using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>A resident suggests a correction to a directory entry, for a moderator to accept or decline.</summary>
[Authorize]
public sealed class CorrectModel(Data.AppDbContext db, DirectoryCorrections corrections, CurrentPerson identity) : PageModel
{
    public Guid Id { get; private set; }
    public string ServiceName { get; private set; } = "";
    public CorrectionField Field { get; private set; }
    public string? ProposedValue { get; private set; }
    public string? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CorrectionField field, string? proposedValue, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (Field, ProposedValue, Note) = (field, proposedValue, note);
        var residentId = await identity.ResidentIdAsync(User, cancellationToken);
        var (created, errors) = await corrections.SuggestAsync(id, field, proposedValue ?? "", note, residentId, cancellationToken);
        if (created is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        return RedirectToPage("/Services/Service", new { id, notice = "correction" });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        ServiceName = await db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(ct) ?? "";
        return ServiceName.Length > 0;
    }
}
