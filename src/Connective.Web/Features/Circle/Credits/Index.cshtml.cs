using Connective.Web.Data;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Credits;

/// <summary>My credits: the signed-in resident's own balance, hours given and received, thanks, and donations to the pool.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, TimeCredits credits, CurrentPerson person) : PageModel
{
    public CreditStatement? Statement { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    /// <summary>A fresh key per form, so a double submit gives one donation.</summary>
    public string DonationKey { get; } = Guid.NewGuid().ToString("N");

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDonateAsync(string? hours, string? key, CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        if (residentId is null)
        {
            return RedirectToPage();
        }
        if (!decimal.TryParse(hours, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            || amount <= 0 || amount > TimeCredits.MaxHoursPerPosting)
        {
            Error = "Enter a number of hours more than 0 and at most 24, like 1 or 1.5";
        }
        else
        {
            try
            {
                var safeKey = string.IsNullOrWhiteSpace(key) || key.Length > 64 ? Guid.NewGuid().ToString("N") : key;
                await credits.DonateToPoolAsync($"donation:{residentId}:{safeKey}", residentId.Value, amount, cancellationToken);
                return RedirectToPage(new { done = "donated" });
            }
            catch (InsufficientCreditException exception)
            {
                Error = exception.Message;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var residentId = await person.ResidentIdAsync(User, cancellationToken);
        Statement = residentId is null ? null : await MyCredits.StatementAsync(db, residentId.Value, cancellationToken);
    }
}
