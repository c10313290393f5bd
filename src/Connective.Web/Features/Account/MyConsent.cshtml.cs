using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Account;

/// <summary>
/// A signed-in resident gives or withdraws their own consent, purpose by purpose, recorded as given online by themselves.
/// Through the consent query path, so no network figure computed before the change is shown after it.
/// </summary>
[Authorize]
public sealed class MyConsentModel(ConsentRecords consents, CurrentPerson person) : PageModel
{
    public sealed record PurposeState(ConsentPurpose Purpose, DateTime? GivenAt, ConsentMethod? Method);

    public bool HasResidentRecord { get; private set; }
    public IReadOnlyList<PurposeState> Purposes { get; private set; } = [];
    public string? Changed { get; private set; }

    /// <summary>Where the person was going when they were asked for consent; saving leads them on there.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(string? changed, CancellationToken cancellationToken)
    {
        Changed = changed;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(ConsentPurpose purpose, bool give, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        if (residentId is null || !Enum.IsDefined(purpose))
        {
            return RedirectToPage();
        }
        if (give)
        {
            await consents.GiveAsync(residentId.Value, purpose, ConsentMethod.Online, ConsentRecords.Self, scriptVersion: null, cancellationToken);
        }
        else
        {
            await consents.WithdrawAsync(residentId.Value, purpose, ConsentRecords.Self, cancellationToken);
        }
        return RedirectToPage(new { changed = give ? "given" : "withdrawn" });
    }

    /// <summary>
    /// The one form: every purpose ticked is given (if not already), every purpose unticked is withdrawn (if given), then
    /// the person goes on to what they came for, or back here with a confirmation.
    /// </summary>
    public async Task<IActionResult> OnPostChoicesAsync(ConsentPurpose[]? purposes, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        if (residentId is null)
        {
            return RedirectToPage();
        }
        var wanted = (purposes ?? []).Where(Enum.IsDefined).ToHashSet();
        var given = (await consents.HistoryAsync(residentId.Value, cancellationToken))
            .Where(consent => consent.WithdrawnAt == null).Select(consent => consent.Purpose).ToHashSet();
        foreach (var purpose in wanted.Except(given))
        {
            await consents.GiveAsync(residentId.Value, purpose, ConsentMethod.Online, ConsentRecords.Self, scriptVersion: null, cancellationToken);
        }
        foreach (var purpose in given.Except(wanted))
        {
            await consents.WithdrawAsync(residentId.Value, purpose, ConsentRecords.Self, cancellationToken);
        }
        return ReturnUrl is null ? RedirectToPage(new { changed = "saved" }) : LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        HasResidentRecord = residentId is not null;
        if (residentId is null)
        {
            return;
        }
        var current = (await consents.HistoryAsync(residentId.Value, cancellationToken))
            .Where(consent => consent.WithdrawnAt == null)
            .ToList();
        Purposes = [.. Enum.GetValues<ConsentPurpose>().Select(purpose =>
        {
            var given = current.Where(consent => consent.Purpose == purpose).OrderBy(consent => consent.GivenAt).FirstOrDefault();
            return new PurposeState(purpose, given?.GivenAt, given?.Method);
        })];
    }

    public static string Describe(ConsentPurpose purpose) => ConsentRecords.DescribeForSelf(purpose);
}
