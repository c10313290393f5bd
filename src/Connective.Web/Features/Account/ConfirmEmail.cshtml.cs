using System.Text;
using Connective.Web.Data;
using Connective.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Connective.Web.Features.Account;

public sealed class ConfirmEmailModel(UserManager<ConnectiveUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>Sign in, then give your details and consent, then on to what you came for.</summary>
    public string NextStep { get; private set; } = "/account/sign-in";

    public async Task OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        var details = "/account/details" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(ReturnUrls.Safe(returnUrl)));
        NextStep = "/account/sign-in?returnUrl=" + Uri.EscapeDataString(details);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }
        try
        {
            var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
        catch (FormatException)
        {
            Confirmed = false;
        }
    }
}
