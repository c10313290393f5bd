using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Audit;

/// <summary>Admins search the audit log by subject (resident id), actor (account id) or action; newest first.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Of the ids on this page, those that still lead to a person; the others belonged to people since erased.</summary>
    public IReadOnlySet<int> LiveResidents { get; private set; } = new HashSet<int>();

    public IReadOnlySet<string> LiveAccounts { get; private set; } = new HashSet<string>();

    public const string SubjectNotANumberMessage = "Enter the resident id as a whole number, like 154";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A filter that cannot be read is said so, and nothing is searched: dropping it silently would list every entry
        // as if they matched.
        if (ModelState.GetFieldValidationState(nameof(Subject)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.Remove(nameof(Subject));
            ModelState.AddModelError(nameof(Subject), SubjectNotANumberMessage);
            return;
        }
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
        // Who searched the log, and for what, is itself audited: the filters are internal ids and action names only.
        var filters = $"subject={Subject?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}; actor={Actor?.Trim() ?? "any"}; action={Action?.Trim() ?? "any"}";
        await audit.RecordAsync(User, AuditActions.SearchedAuditLog, subjectResidentId: null, filters.Length <= 200 ? filters : filters[..200], cancellationToken);
        // An erased person's rows stay, but their former ids are not shown: the id is all that is left of them.
        var residentIds = Entries.SelectMany(entry => new[] { entry.SubjectResidentId, entry.OnBehalfOfResidentId }).OfType<int>().Distinct().ToList();
        LiveResidents = (await db.Residents.Where(resident => residentIds.Contains(resident.Id)).Select(resident => resident.Id).ToListAsync(cancellationToken)).ToHashSet();
        var accountIds = Entries.SelectMany(entry => new[] { entry.ActorId, entry.SubjectAccountId }).OfType<string>().Distinct().ToList();
        LiveAccounts = (await db.Users.Where(user => accountIds.Contains(user.Id)).Select(user => user.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the table shows for a resident id: the id while the person exists, otherwise that they were erased.</summary>
    public string ShowResident(int? id) => id switch
    {
        null => "",
        { } live when LiveResidents.Contains(live) => live.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "(erased)",
    };

    public string ShowAccount(string? id) => id switch
    {
        null => "",
        _ when LiveAccounts.Contains(id) => id,
        _ => "(erased)",
    };
}
