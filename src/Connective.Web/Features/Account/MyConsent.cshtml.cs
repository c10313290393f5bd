using Connective.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account;

/// <summary>
/// A signed-in resident gives or withdraws their own consent, purpose by purpose, recorded as given online by themselves.
/// The community network's snapshot fingerprints the consent table, so the next read after a change rebuilds it.
/// </summary>
[Authorize]
public sealed class MyConsentModel(AppDbContext db, UserManager<ConnectiveUser> users, TimeProvider time) : PageModel
{
    public sealed record PurposeState(ConsentPurpose Purpose, DateTime? GivenAt, ConsentMethod? Method);

    public bool HasResidentRecord { get; private set; }
    public IReadOnlyList<PurposeState> Purposes { get; private set; } = [];
    public string? Changed { get; private set; }

    public async Task OnGetAsync(string? changed, CancellationToken cancellationToken)
    {
        Changed = changed;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(ConsentPurpose purpose, bool give, CancellationToken cancellationToken)
    {
        var residentId = await ResidentIdAsync();
        if (residentId is null || !Enum.IsDefined(purpose))
        {
            return RedirectToPage();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var current = await db.Consents
            .Where(consent => consent.ResidentId == residentId && consent.Purpose == purpose && consent.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        if (give && current.Count == 0)
        {
            db.Consents.Add(new Consent { ResidentId = residentId.Value, Purpose = purpose, GivenAt = now, Method = ConsentMethod.Online, RecordedBy = "self" });
        }
        else if (!give)
        {
            // Withdrawal keeps the rows as the record of what was given, and when.
            current.ForEach(consent => consent.WithdrawnAt = now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { changed = give ? "given" : "withdrawn" });
    }

    private async Task<int?> ResidentIdAsync() => (await users.GetUserAsync(User))?.ResidentId;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var residentId = await ResidentIdAsync();
        HasResidentRecord = residentId is not null;
        if (residentId is null)
        {
            return;
        }
        var current = await db.Consents.AsNoTracking()
            .Where(consent => consent.ResidentId == residentId && consent.WithdrawnAt == null)
            .Select(consent => new { consent.Purpose, consent.GivenAt, consent.Method })
            .ToListAsync(cancellationToken);
        Purposes = [.. Enum.GetValues<ConsentPurpose>().Select(purpose =>
        {
            var given = current.Where(consent => consent.Purpose == purpose).OrderBy(consent => consent.GivenAt).FirstOrDefault();
            return new PurposeState(purpose, given?.GivenAt, given?.Method);
        })];
    }

    public static string Describe(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.NetworkInsight => "My connections may be used to understand the community's network",
        ConsentPurpose.ShowToHelpersNearby => "Show me to helpers nearby when I ask for help",
        ConsentPurpose.ContactByPhone => "Coordinators may phone me",
        ConsentPurpose.ResearchExports => "My anonymised records may be included in research",
        _ => purpose.ToString(),
    };
}
