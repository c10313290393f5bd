using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Connective.Web.Features.Account;

/// <summary>A passkey as the account page lists it.</summary>
public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Your account: how you sign in (authenticator app, passkeys) and links to what you can do with it.</summary>
[Authorize]
public sealed class YourAccountModel(SignInManager<ConnectiveUser> signIn, Outbox outbox) : PageModel
{
    public const string LastFactorMessage = "Staff accounts need a second factor: set up an authenticator app or add another passkey before removing this one";

    public string? Email { get; private set; }
    public IReadOnlyList<string> AccountRoles { get; private set; } = [];
    public bool HasAuthenticator { get; private set; }
    public bool IsStaff { get; private set; }
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    [TempData]
    public string? Changed { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyId { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    /// <summary>The WebAuthn creation options for a new passkey on this account (JSON for the page's script).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var id = await signIn.UserManager.GetUserIdAsync(user);
        var name = await signIn.UserManager.GetUserNameAsync(user) ?? id;
        var json = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = id, Name = name, DisplayName = name });
        return Content(json, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var attestation = string.IsNullOrEmpty(CredentialJson) ? null : await signIn.PerformPasskeyAttestationAsync(CredentialJson);
        if (attestation is not { Succeeded: true })
        {
            ModelState.AddModelError("add-passkey", "The passkey could not be added" + (attestation?.Failure is { } failure ? ": " + failure.Message : ". Try again."));
            await LoadAsync();
            return Page();
        }
        var passkey = attestation.Passkey;
        passkey.Name = "Passkey added " + Infrastructure.UkTime.DateAndTime(passkey.CreatedAt.UtcDateTime);
        var added = await signIn.UserManager.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("add-passkey", "The passkey could not be saved. Try again.");
            await LoadAsync();
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        await outbox.SendAsync(user.Email!, "A passkey was added to your Connective account",
            "A passkey was just added to your account. If this was not you, contact your administrator at once.", appPath: null, cancellationToken);
        Changed = "passkey-added";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(PasskeyId ?? "");
        }
        catch (FormatException)
        {
            return RedirectToPage();
        }
        var passkeys = await signIn.UserManager.GetPasskeysAsync(user);
        var isLastFactor = passkeys.Count == 1 && !await signIn.UserManager.GetTwoFactorEnabledAsync(user);
        if (isLastFactor && await SecondFactor.IsStaffAsync(signIn.UserManager, user))
        {
            ModelState.AddModelError("remove-passkey", LastFactorMessage);
            await LoadAsync();
            return Page();
        }
        await signIn.UserManager.RemovePasskeyAsync(user, credentialId);
        await signIn.RefreshSignInAsync(user);
        Changed = "passkey-removed";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        Email = user.Email;
        AccountRoles = [.. await signIn.UserManager.GetRolesAsync(user)];
        IsStaff = AccountRoles.Any(SecondFactor.StaffRoles.Contains);
        HasAuthenticator = await signIn.UserManager.GetTwoFactorEnabledAsync(user);
        Passkeys = [.. (await signIn.UserManager.GetPasskeysAsync(user))
            .OrderBy(passkey => passkey.CreatedAt)
            .Select(passkey => new PasskeyRow(WebEncoders.Base64UrlEncode(passkey.CredentialId), passkey.Name ?? "Passkey", passkey.CreatedAt))];
        return true;
    }
}
