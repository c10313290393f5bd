using Connective.Web.Data;
using Connective.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Audit;

/// <summary>Admins search the audit log by subject (resident id), actor (account id) or action; newest first.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Subject is { } subject)
        {
            query = query.Where(entry => entry.SubjectResidentId == subject);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(entry => entry.ActorId == Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(entry => entry.Action == Action.Trim());
        }
        Entries = await query.OrderByDescending(entry => entry.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
