using Connective.Web.Platform.Access;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// A passkey end to end in Chromium, with its virtual authenticator standing in for a phone or security key (the
/// DevTools WebAuthn domain): a staff member adds one on their account page, signs out, and signs in with the passkey
/// alone; the passkey counts as their second factor, so the staff page opens. No page logs a CSP violation.
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class PasskeyInBrowserTests(ConnectiveServer server)
{
    [BrowserFact]
    public async Task A_staff_member_registers_a_passkey_and_signs_in_with_it()
    {
        // Arrange
        await using var context = await server.NewBrowserContextAsync(host: "localhost");
        var tab = await CheckedPage.OpenAsync(context);
        var devTools = await context.NewCDPSessionAsync(tab.Page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        await DemoSignIn.AsAsync(tab.Page, Roles.Practitioner);

        // Act: add a passkey, sign out, sign in with the passkey only.
        await tab.Page.GotoAsync("/account");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        // Whatever the outcome, the page says it: a success banner, the script's error line, or the server's error summary.
        await tab.Page.Locator(".govuk-notification-banner, [data-passkey-error]:not([hidden]), .govuk-error-summary").First.WaitForAsync();
        var afterAdding = await tab.Page.Locator("main").InnerTextAsync();
        var listed = await tab.Page.Locator("#passkeys li").CountAsync();
        await tab.Page.GotoAsync("/account/sign-out");
        await tab.Page.Locator("main form button[type=submit]").ClickAsync();
        await tab.Page.WaitForURLAsync(url => !url.Contains("/account/sign-out", StringComparison.Ordinal));
        var signedOut = await tab.Page.GotoAsync("/community/residents/1");
        var signedOutUrl = tab.Page.Url;
        await tab.Page.GotoAsync("/account/sign-in");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        // Either the sign-in leads away from the page, or the page shows why it did not.
        await tab.Page.WaitForFunctionAsync(
            "() => !location.pathname.endsWith('/account/sign-in') || !!document.querySelector('[data-passkey-error]:not([hidden]), .govuk-error-summary')");
        await tab.Page.WaitForLoadStateAsync(LoadState.Load);
        var afterPasskeySignIn = tab.Page.Url + "\n" + await tab.Page.Locator("main").InnerTextAsync();
        var staffPage = await tab.Page.GotoAsync("/community/residents/1");

        // Assert
        Assert.True(afterAdding.Contains("Passkey added", StringComparison.Ordinal), afterAdding);
        Assert.Equal(1, listed);
        Assert.Contains("/account/sign-in", signedOutUrl, StringComparison.Ordinal);
        Assert.Equal(200, signedOut?.Status);
        Assert.DoesNotContain("/account/sign-in", afterPasskeySignIn.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(200, staffPage?.Status);
        Assert.Contains("/community/residents/1", tab.Page.Url, StringComparison.Ordinal);
        Assert.Empty(tab.TakeConsoleErrors());
    }
}
