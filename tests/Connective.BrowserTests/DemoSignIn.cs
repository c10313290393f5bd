using Connective.TestSupport;
using Connective.Web.Demo;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// Signs a browser tab in as a demo account, the way a person does: e-mail and password, then for staff roles the code
/// their authenticator app shows (computed from the demo account's published key). The steps, fields and code come
/// from TestSupport's StaffSignIn, shared with the HTTP helpers; only driving the page (fill, click, wait) is the browser's own.
/// </summary>
internal static class DemoSignIn
{
    public static Task AsAsync(IPage page, string role) => AsEmailAsync(page, DemoAccounts.EmailFor(role));

    /// <summary>Signs in as any demo account by its e-mail; the second step is taken when the account has an authenticator.</summary>
    public static async Task AsEmailAsync(IPage page, string email)
    {
        await page.GotoAsync(StaffSignIn.PasswordPage);
        foreach (var (field, value) in StaffSignIn.PasswordStep(email, DemoAccounts.Password))
        {
            await page.FillAsync("#" + field, value);
        }
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith(StaffSignIn.PasswordPage, StringComparison.Ordinal));
        if (StaffSignIn.IsSecondStep(page.Url))
        {
            var key = DemoAccounts.AuthenticatorKeyForEmail(email)
                ?? throw new InvalidOperationException($"{email} asked for an authenticator code, but the demo publishes no key for it.");
            foreach (var (field, value) in await StaffSignIn.CodeStepAsync(key))
            {
                await page.FillAsync("#" + field, value);
            }
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains(StaffSignIn.PasswordPage, StringComparison.Ordinal));
        }
    }
}
