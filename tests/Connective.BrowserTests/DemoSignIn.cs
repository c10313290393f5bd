using Connective.TestSupport;
using Connective.Web.Features.Account;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// Signs a browser tab in as a demo account, the way a person does: e-mail and password, then for staff roles the code
/// their authenticator app shows (computed here from the demo account's published key).
/// </summary>
internal static class DemoSignIn
{
    public static async Task AsAsync(IPage page, string role)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", DemoAccounts.EmailFor(role));
        await page.FillAsync("#Password", DemoAccounts.Password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/account/sign-in", StringComparison.Ordinal));
        if (page.Url.Contains("/account/sign-in/second-step", StringComparison.Ordinal))
        {
            await page.FillAsync("#Code", Totp.CodeNow(DemoAccounts.AuthenticatorKeyFor(role)));
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        }
    }
}
