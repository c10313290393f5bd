using System.ComponentModel.DataAnnotations;
using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account;

[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class SignInModel(SignInManager<ConnectiveUser> signIn, AppDbContext db) : PageModel
{
    /// <summary>
    /// The one message for every failed sign-in: wrong password, unknown address, unconfirmed or locked account alike,
    /// so the page never tells anyone whether an address is registered.
    /// </summary>
    public const string FailedMessage = "Enter a correct e-mail address and password";

    private static readonly ConnectiveUser TimingDecoy = new() { UserName = "timing-decoy" };
    private static readonly string TimingDecoyHash = new PasswordHasher<ConnectiveUser>().HashPassword(TimingDecoy, Guid.NewGuid().ToString());

    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<(string Role, string Email)> DemoAccountList { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadDemoAccountsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var email = Email!.Trim();
            if (await signIn.UserManager.FindByNameAsync(email) is null)
            {
                // Spend the time a password check takes, so that the response time does not tell unknown addresses apart.
                signIn.UserManager.PasswordHasher.VerifyHashedPassword(TimingDecoy, TimingDecoyHash, Password!);
            }
            var result = await signIn.PasswordSignInAsync(email, Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(AccountFeature.SafeReturnUrl(ReturnUrl));
            }
            ModelState.AddModelError(nameof(Email), FailedMessage);
        }
        await LoadDemoAccountsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Demo accounts are listed only when the database says it is a demo database, whatever the environment.</summary>
    private async Task LoadDemoAccountsAsync(CancellationToken cancellationToken)
    {
        var isDemo = await db.DatabaseInfo.AsNoTracking().AnyAsync(info => info.IsDemo, cancellationToken);
        if (!isDemo)
        {
            return;
        }
        var demo = await db.Users.AsNoTracking().Where(user => user.IsDemoAccount).Select(user => user.Email!).ToListAsync(cancellationToken);
        DemoAccountList = [.. Roles.All
            .Select(role => (role, DemoAccounts.EmailFor(role)))
            .Where(account => demo.Contains(account.Item2))];
    }
}
