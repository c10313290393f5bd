using Connective.Web.Infrastructure;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>Moving around the site as a person would: the area navigation, the footer, the skip link and the error pages.</summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class NavigationInBrowserTests(ConnectiveServer server)
{
    [BrowserFact]
    public async Task Service_navigation_reaches_every_area_and_marks_it_current()
    {
        // Arrange
        await using var context = await server.NewBrowserContextAsync();
        var tab = await CheckedPage.OpenAsync(context);
        await tab.Page.GotoAsync("/");
        var signInAreas = new List<string>();

        foreach (var area in PlatformAreas.All)
        {
            // Act
            await tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Areas" }).GetByRole(AriaRole.Link, new() { Name = area.Name, Exact = true }).ClickAsync();
            await tab.Page.WaitForLoadStateAsync(LoadState.Load);

            // Assert: an area for staff (Insight) asks a visitor to sign in, and brings them back to it afterwards.
            var landed = new Uri(tab.Page.Url);
            if (landed.AbsolutePath.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(area.Path), landed.Query, StringComparison.OrdinalIgnoreCase);
                signInAreas.Add(area.Name);
                await tab.Page.GoBackAsync(); // the sign-in page has no area navigation: back to the page with it
                continue;
            }
            Assert.Equal(area.Path, landed.AbsolutePath, ignoreCase: true);
            var current = tab.Page.Locator("nav[aria-label=Areas] a[aria-current=page]");
            Assert.Equal(area.Name, (await current.InnerTextAsync()).Trim());
            Assert.True(await tab.Page.Locator("h1").First.IsVisibleAsync());
            Assert.DoesNotContain("not built yet", await tab.Page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(signInAreas.Count < PlatformAreas.All.Count, "Every area asked a visitor to sign in: " + string.Join(", ", signInAreas));
        Assert.Empty(tab.TakeConsoleErrors());
    }

    [BrowserFact]
    public async Task Footer_links_open_the_accessibility_statement_privacy_notice_and_cookies_page()
    {
        // Arrange
        await using var context = await server.NewBrowserContextAsync();
        var tab = await CheckedPage.OpenAsync(context);

        foreach (var (link, heading) in new[]
        {
            ("Accessibility statement", "Accessibility statement for Connective"),
            ("Privacy notice", "Privacy notice"),
            ("Cookies", "Cookies"),
        })
        {
            await tab.Page.GotoAsync("/");

            // Act
            await tab.Page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

            // Assert
            Assert.Equal(heading, (await tab.Page.Locator("h1").InnerTextAsync()).Trim());
        }
    }

    [BrowserFact]
    public async Task Skip_link_is_the_first_thing_a_keyboard_reaches_and_moves_focus_to_the_main_content()
    {
        // Arrange
        await using var context = await server.NewBrowserContextAsync();
        var tab = await CheckedPage.OpenAsync(context);
        await tab.Page.GotoAsync("/");

        // Act
        await tab.Page.Keyboard.PressAsync("Tab");
        var firstFocused = await tab.Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await tab.Page.Keyboard.PressAsync("Enter");
        var focusedAfter = await tab.Page.EvaluateAsync<string>("() => document.activeElement.id");

        // Assert
        Assert.Equal("Skip to main content", firstFocused);
        Assert.Equal("main-content", focusedAfter);
    }

    [BrowserFact]
    public async Task Missing_page_shows_an_accessible_not_found_page()
    {
        // Arrange
        await using var context = await server.NewBrowserContextAsync();
        var tab = await CheckedPage.OpenAsync(context);

        // Act
        var response = await tab.Page.GotoAsync("/no-such-page");

        // Assert
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await tab.Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Empty(await tab.ProblemsAsync("/no-such-page"));
    }

    [BrowserFact]
    public async Task Failing_page_shows_an_accessible_error_page_without_the_exception()
    {
        // Arrange
        await using var context = await server.NewBrowserContextAsync();
        var tab = await CheckedPage.OpenAsync(context);

        // Act
        var response = await tab.Page.GotoAsync(ConnectiveServer.ThrowingPagePath);

        // Assert
        Assert.Equal(500, response!.Status);
        Assert.Equal("Sorry, there is a problem with the service", (await tab.Page.Locator("h1").InnerTextAsync()).Trim());
        var html = await tab.Page.ContentAsync();
        Assert.DoesNotContain(ConnectiveServer.SecretInException, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.Empty(await tab.ProblemsAsync(ConnectiveServer.ThrowingPagePath));
    }
}
