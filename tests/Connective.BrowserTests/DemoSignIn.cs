using Connective.TestSupport;
using Connective.Web.Features.Account;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// Signs a browser tab in as a demo account, the way a person does: e-mail and password, then for staff roles the code
/// their authenticator app shows (computed from the demo account's published key). The steps, fields and code come
/// from TestSupport's StaffSignIn, shared with the HTTP helpers; only driving the page (fill, click, wait) is the browser's own.
/// </summary>
internal static class DemoSignIn
{
    public static async Task AsAsync(IPage page, string role)
    {
        await page.GotoAsync(StaffSignIn.PasswordPage);
        foreach (var (field, value) in StaffSignIn.PasswordStep(DemoAccounts.EmailFor(role), DemoAccounts.Password))
        {
            await page.FillAsync("#" + field, value);
        }
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith(StaffSignIn.PasswordPage, StringComparison.Ordinal));
        if (StaffSignIn.IsSecondStep(page.Url))
        {
            foreach (var (field, value) in await StaffSignIn.CodeStepAsync(DemoAccounts.AuthenticatorKeyFor(role)))
            {
                await page.FillAsync("#" + field, value);
            }
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains(StaffSignIn.PasswordPage, StringComparison.Ordinal));
        }
    }
}
