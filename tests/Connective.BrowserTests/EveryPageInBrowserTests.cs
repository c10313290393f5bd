using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Connective.BrowserTests;

/// <summary>
/// Every page the app serves, found by enumerating its endpoints, loads in Chromium without a CSP
/// violation or script error and passes axe-core's WCAG 2.2 AA rules; so does every form on those
/// pages after it is submitted empty (its error state).
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class EveryPageInBrowserTests(ConnectiveServer server, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Every_page_and_form_error_state_passes_axe_with_no_CSP_violation()
    {
        // Arrange
        var routes = AppPages.Enumerate(server.Services);
        await using var context = await server.NewBrowserContextAsync();
        var tab = await CheckedPage.OpenAsync(context);
        // Signed in as the demo Admin (a staff role), so that the pages naming people and the audit log are scanned too.
        await DemoSignIn.AsAsync(tab.Page, Web.Platform.Access.Roles.Admin);
        tab.TakeConsoleErrors();
        var problems = new List<string>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pagesWithForms = new List<string>();
        var links = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        async Task VisitAsync(string path, bool isPage)
        {
            if (!visited.Add(path))
            {
                return;
            }
            if (!isPage)
            {
                // An endpoint (JSON, CSV, a file download) is fetched with the page's cookies rather than opened as a
                // page: a download never "loads". One that answers HTML is then opened and checked like a page.
                var fetched = await tab.Page.APIRequest.GetAsync(path, new() { Timeout = ConnectiveServer.LoadedMachineTimeoutMs });
                if (fetched.Status != 200)
                {
                    problems.Add($"{path}: expected 200, got {fetched.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                    return;
                }
                if (!(fetched.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
                {
                    return;
                }
            }
            var response = await tab.Page.GotoAsync(path);
            if (response is null || response.Status != 200)
            {
                problems.Add($"{path}: expected 200, got {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"}");
                return;
            }
            var contentType = await response.HeaderValueAsync("content-type") ?? "";
            if (!contentType.StartsWith("text/html", StringComparison.Ordinal))
            {
                // JSON endpoints and health checks: loading them is the check; Chromium's JSON viewer is not our page.
                if (isPage)
                {
                    problems.Add($"{path}: a Razor Page answered with {contentType}");
                }
                return;
            }
            problems.AddRange(await tab.ProblemsAsync(path));
            foreach (var href in await tab.Page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                links.Add(href.Split('#', '?')[0]);
            }
            if (await tab.Page.Locator("main form").CountAsync() > 0)
            {
                pagesWithForms.Add(path);
            }
        }

        // Act: routes without parameters first, then routes a link on a page already seen leads to, so that pages show
        // seeded data; when no link leads to what is left, a route takes the values its own area's routes were reached
        // with (an API route the same ward code or resident id as its page) or a fixed known value (the OpenAPI
        // document's name). An endpoint no link leads to and no value fits is left to the API matrix.
        var scoped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // a page with no value of its own area tries any
        var pending = routes.ToList();
        var leftToMatrix = new List<string>();
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var route in pending.ToList())
            {
                var link = route.RequiredParameters.Count == 0
                    ? route.PathWith(AppPages.KnownValues)
                    : links.Where(link => route.Matcher.IsMatch(link)).Order(StringComparer.Ordinal).FirstOrDefault();
                if (link is null)
                {
                    continue;
                }
                foreach (var (name, value) in route.ValuesIn(link))
                {
                    scoped.TryAdd(route.ScopeOf(name), value);
                    seen.TryAdd(name, value);
                }
                pending.Remove(route);
                await VisitAsync(link, route.IsPage);
                progress = true;
            }
            if (progress)
            {
                continue;
            }
            foreach (var route in pending.ToList())
            {
                var values = route.RequiredParameters
                    .Select(name => KeyValuePair.Create(name, scoped.GetValueOrDefault(route.ScopeOf(name)) ?? AppPages.KnownValues.GetValueOrDefault(name)
                        ?? (route.IsPage ? seen.GetValueOrDefault(name) : null)))
                    .Where(pair => pair.Value is not null)
                    .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.OrdinalIgnoreCase);
                if (route.PathWith(values) is { } path)
                {
                    pending.Remove(route);
                    await VisitAsync(path, route.IsPage);
                    progress = true;
                }
            }
            if (!progress)
            {
                break;
            }
        }
        problems.AddRange(pending.Where(route => route.IsPage).Select(route => $"{route.Pattern}: no page links to this route, so it could not be checked with real values"));
        leftToMatrix.AddRange(pending.Where(route => !route.IsPage).Select(route => route.Pattern));
        output.WriteLine($"Endpoints left to the API matrix (no link or value here): {string.Join(", ", leftToMatrix)}");

        foreach (var path in pagesWithForms)
        {
            await tab.Page.GotoAsync(path);
            var formCount = await tab.Page.Locator("main form").CountAsync();
            for (var index = 0; index < formCount; index++)
            {
                await tab.Page.GotoAsync(path);
                tab.TakeConsoleErrors();
                var submit = tab.Page.Locator("main form").Nth(index)
                    .Locator("button:not([type]), button[type=submit], input[type=submit]").First;
                await submit.ClickAsync();
                await tab.Page.WaitForLoadStateAsync(LoadState.Load);
                problems.AddRange(await tab.ProblemsAsync($"{path} (form {index + 1} submitted empty)"));
            }
        }

        // Assert
        output.WriteLine($"Checked {visited.Count} URLs ({pagesWithForms.Count} with forms): {string.Join(", ", visited.Order(StringComparer.Ordinal))}");
        Assert.Contains("/", visited);
        Assert.Contains("/accessibility", visited);
        Assert.Contains("/api-reference", visited);
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on {visited.Count} pages:\n" + string.Join('\n', problems));
    }
}
