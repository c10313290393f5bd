using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// A browser tab that records what the console says (CSP violations above all) and runs axe-core with
/// the WCAG 2.2 AA rule set. Checks return problems as readable lines so one test can report every page.
/// </summary>
internal sealed class CheckedPage
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly List<string> _consoleErrors = [];

    private CheckedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && IsPolicyViolation(message.Text))
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add("Uncaught script error: " + error);
    }

    public IPage Page { get; }

    public static async Task<CheckedPage> OpenAsync(IBrowserContext context) => new(await context.NewPageAsync());

    public static bool IsPolicyViolation(string text) =>
        text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase);

    /// <summary>Console errors recorded since the last call, then forgotten.</summary>
    public IReadOnlyList<string> TakeConsoleErrors()
    {
        var errors = _consoleErrors.ToList();
        _consoleErrors.Clear();
        return errors;
    }

    /// <summary>Runs axe-core on the page as it is now and describes each violation with the elements involved.</summary>
    public async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return [.. result.Violations.Select(violation =>
            $"axe {violation.Id} ({violation.Impact}): {violation.Help} at " +
            string.Join("; ", violation.Nodes.Take(3).Select(node => node.Html)))];
    }

    /// <summary>Everything wrong with the page now: console CSP violations and script errors, then axe violations.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string label)
    {
        var problems = new List<string>();
        problems.AddRange(TakeConsoleErrors().Select(error => $"{label}: console: {error}"));
        problems.AddRange((await AxeViolationsAsync()).Select(violation => $"{label}: {violation}"));
        // axe itself must not trip the policy either; anything it logged belongs to this page.
        problems.AddRange(TakeConsoleErrors().Select(error => $"{label}: console: {error}"));
        return problems;
    }
}
