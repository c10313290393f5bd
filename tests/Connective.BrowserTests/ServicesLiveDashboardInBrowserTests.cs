using Connective.Web.Data;
using Connective.Web.Features.Services;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// The Services live dashboard in Chromium: a member of the public has a service's dashboard open; a resident, in
/// another browser, finds the service from the home page and rates it; the open dashboard updates without a reload,
/// and its table shows the published figures, the same as its chart.
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class ServicesLiveDashboardInBrowserTests(ConnectiveServer server)
{
    [BrowserFact]
    public async Task A_rating_updates_the_open_public_dashboard_without_a_reload_and_its_table_matches_the_chart()
    {
        // Arrange: the public dashboard of the demo's first service, reached from the home page by links.
        var serviceId = ServicesDemoSeed.KnownServiceId;
        var name = await DbAsync(db => db.DirectoryServices.Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync());
        await using var publicContext = await server.NewBrowserContextAsync();
        var watcher = await publicContext.NewPageAsync();
        await FindServiceAsync(watcher, name);
        await watcher.GetByRole(AriaRole.Link, new() { Name = "How this service is doing" }).ClickAsync();
        await watcher.Locator("[data-live-dashboard][data-live=connected]").WaitForAsync();

        // Act: a resident rates the service in another browser.
        await using var residentContext = await server.NewBrowserContextAsync();
        var resident = await residentContext.NewPageAsync();
        await DemoSignIn.AsAsync(resident, Roles.Resident);
        await FindServiceAsync(resident, name);
        await resident.GetByRole(AriaRole.Link, new() { Name = "Rate this service" }).ClickAsync();
        await resident.GetByLabel("Very good").CheckAsync();
        await resident.GetByLabel("Tell us more (optional)").FillAsync("Live dashboard test: friendly and quick.");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await resident.WaitForURLAsync(url => url.Contains("notice=feedback", StringComparison.Ordinal));

        // Assert: the open dashboard fetched its figures again, with no navigation.
        await watcher.Locator("[data-live-dashboard][data-refreshes]").WaitForAsync();
        Assert.EndsWith($"/services/{serviceId}/dashboard", watcher.Url, StringComparison.Ordinal);
        var now = DateTime.UtcNow;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var exact = await DbAsync(db => db.ServiceFeedback.CountAsync(f => f.ServiceId == serviceId && f.At >= monthStart));
        var after = await RatingsCellAsync(watcher);
        Assert.Equal(DisclosureControl.Count(exact).ToString(), after);
        Assert.Contains("Figures updated at", await watcher.Locator("#live-status").InnerTextAsync(), StringComparison.Ordinal);

        // The chart draws what the table says, month by month.
        var table = await watcher.Locator("#table-ratings tbody tr td:nth-child(2)").AllInnerTextsAsync();
        var bars = await watcher.Locator("#chart-ratings").EvaluateAsync<string[]>(
            "svg => Array.from(svg.querySelectorAll('rect, text')).filter(e => e.tagName === 'rect' || e.textContent === '[c]').map(e => e.tagName === 'rect' ? e.getAttribute('data-value') : '[c]')");
        Assert.Equal(ServiceDashboards.Months, table.Count);
        Assert.Equal(table.Select(cell => cell.Replace(",", "", StringComparison.Ordinal)), bars);
    }

    private static async Task FindServiceAsync(IPage page, string name)
    {
        await page.GotoAsync("/");
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Services" }).First.ClickAsync();
        await page.GetByLabel("What are you looking for?").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator("#results").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
    }

    private static async Task<string> RatingsCellAsync(IPage page)
    {
        var cells = await page.Locator("#table-ratings tbody tr:last-child td").AllInnerTextsAsync();
        return cells[0];
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
