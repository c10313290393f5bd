using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>A resident rates a service they used; the public sees the rating and comment, never the name.</summary>
[Authorize]
public sealed class FeedbackModel(Data.AppDbContext db, ServiceFeedbackTasks tasks, CurrentPerson identity) : PageModel
{
    public static readonly (int Value, string Words)[] Ratings = [(5, "Very good"), (4, "Good"), (3, "Neither good nor poor"), (2, "Poor"), (1, "Very poor")];

    public Guid Id { get; private set; }
    public string ServiceName { get; private set; } = "";
    public int? Rating { get; private set; }
    public string? Comment { get; private set; }
    public bool ShareName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, int? rating, string? comment, bool shareName, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (Rating, Comment, ShareName) = (rating, comment, shareName);
        var residentId = await identity.ResidentIdAsync(User, cancellationToken);
        var (created, errors) = await tasks.GiveFeedbackAsync(new NewFeedback(id, rating ?? 0, comment, residentId, shareName), cancellationToken);
        if (created is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        return RedirectToPage("/Services/Service", new { id, notice = "feedback" });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        ServiceName = await db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(ct) ?? "";
        return ServiceName.Length > 0;
    }
}
