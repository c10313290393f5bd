using System.ComponentModel.DataAnnotations;
using System.Text;
using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Account;

/// <summary>
/// Sign-up answers alike for a new and a registered address: the same checks (the password rules apply to both), the
/// same work (a password hash each), the same next page. Only the address's owner learns more, by mail, and at most
/// once a day, so probing an address cannot flood its owner.
/// </summary>
[EnableRateLimiting(AccountFeature.FormsRateLimit)]
public sealed class SignUpModel(UserManager<ConnectiveUser> users, Outbox outbox, PublicLinks links, AuditLog audit, AppDbContext db, TimeProvider time, IHostEnvironment environment) : PageModel
{
    /// <summary>The longest e-mail address a mail system accepts (RFC 5321's path limit less the angle brackets).</summary>
    /// <summary>The longest address SMTP allows (RFC 5321's path limit): every form that takes an address refuses longer ones.</summary>
    public const int MaxEmailLength = 254;

    public const string EmailTooLongMessage = "Enter an e-mail address of 254 characters or fewer";

    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    [StringLength(MaxEmailLength, ErrorMessage = EmailTooLongMessage)]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a password")]
    public string? Password { get; set; }

    /// <summary>Where the person was going (a local path): the confirmation link leads them on there.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A demo (or a developer's machine): the page says so, and that mail appears on the outbox page instead.</summary>
    public bool IsDemo { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => IsDemo = await IsDemoAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        IsDemo = await IsDemoAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Email!.Trim();
        var existing = await users.FindByEmailAsync(email);
        var candidate = existing ?? new ConnectiveUser { UserName = email, Email = email };
        // The password rules answer first, for a registered address too, so the page never differs between the two.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, candidate, Password!);
            foreach (var error in check.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (existing is not null)
        {
            // The time a new account's password hash takes, so the answer's timing does not tell the two apart.
            _ = users.PasswordHasher.HashPassword(existing, Password!);
            await TellOwnerAtMostDailyAsync(existing, cancellationToken);
            return RedirectToPage("/Account/CheckEmail");
        }

        var user = candidate;
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Resident);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var messageId = await outbox.SendAsync(email, "Confirm your e-mail address for Connective",
            "Follow the link to confirm your e-mail address and finish creating your account.",
            links.PathToPage("/Account/ConfirmEmail", new { userId = user.Id, code, returnUrl = ReturnUrl is null ? null : ReturnUrls.Safe(ReturnUrl) }), cancellationToken);
        if (Outbox.IsShown(environment))
        {
            // This browser created the account, so the demo's outbox page may show it this one message.
            OutboxBrowser.Remember(HttpContext, messageId);
        }
        return RedirectToPage("/Account/CheckEmail");
    }

    /// <summary>The "you already have an account" mail, at most once a day an address; each one is audited, which is how the next probe knows.</summary>
    private async Task TellOwnerAtMostDailyAsync(ConnectiveUser owner, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        var toldRecently = await db.AuditEntries.AsNoTracking().AnyAsync(entry =>
            entry.SubjectAccountId == owner.Id && entry.Action == AuditActions.SignUpWithRegisteredAddress && entry.At > since, cancellationToken);
        if (toldRecently)
        {
            return;
        }
        await outbox.SendAsync(owner.Email!, "You already have a Connective account",
            "Someone tried to create a Connective account with this e-mail address, which already has one. " +
            "If it was you, sign in, or reset your password if you have forgotten it. If not, you can ignore this e-mail.",
            links.PathToPage("/Account/ForgotPassword"), cancellationToken);
        await audit.AccountEventAsync(AuditActions.SignUpWithRegisteredAddress, owner.Id, cancellationToken);
    }

    private async Task<bool> IsDemoAsync(CancellationToken cancellationToken) =>
        Outbox.IsShown(environment) || await db.DatabaseInfo.AsNoTracking().AnyAsync(info => info.IsDemo, cancellationToken);
}
