using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// A newcomer's way in, by links and buttons only (no address typed after the home page): from the home page to Circle,
/// create an account, read the confirmation e-mail on this browser's own outbox page, confirm, sign in, give their
/// details, choose their consent, and arrive at "Ask for help" with its form in front of them.
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class NewResidentJourneyInBrowserTests(ConnectiveServer server)
{
    private const string Password = "correct horse battery staple";

    [BrowserFact]
    public async Task A_newcomer_gets_from_the_home_page_to_asking_for_help_by_following_links()
    {
        // Arrange
        var marker = Guid.NewGuid().ToString("N")[..10];
        var email = $"newcomer-{marker}@example.org";
        await using var context = await server.NewBrowserContextAsync();
        var page = await context.NewPageAsync();

        // Act: the home page is the only address typed.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Circle", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "create an account" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "read your message on the outbox page" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link).Filter(new() { HasText = "/account/confirm-email" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in and continue" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/details", StringComparison.Ordinal));
        await page.FillAsync("#Form_GivenName", "Nia");
        await page.FillAsync("#Form_FamilyName", "Newcomer" + marker);
        await page.FillAsync("#Form_BirthYear", "1975");
        await page.FillAsync("#Form_AddressLine", $"{marker} Welcome Road");
        await page.FillAsync("#Form_Postcode", "ZZ4 4ZZ");
        await page.SelectOptionAsync("#Form_WardId", new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your details" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/consent", StringComparison.Ordinal));
        await page.GetByLabel("find me help, or people to help, through people I know", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Assert: they are on "Ask for help" with the form, as a resident who consented to finding help through their network.
        await page.WaitForURLAsync(url => url.EndsWith("/circle/ask", StringComparison.Ordinal));
        Assert.Equal("Ask for help", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Ask for help" }).CountAsync());
        var consented = await DbAsync(db => db.Users.Where(user => user.Email == email)
            .Join(db.Consents, user => user.ResidentId, consent => consent.ResidentId, (user, consent) => consent)
            .AnyAsync(consent => consent.Purpose == ConsentPurpose.FindHelpThroughMyNetwork && consent.WithdrawnAt == null));
        Assert.True(consented);
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
