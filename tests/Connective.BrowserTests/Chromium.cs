using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// How Debian's Chromium is started here. Playwright's own browser download does not work on these
/// machines, so Playwright drives the system browser with flags that keep it off the network.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => Environment.GetEnvironmentVariable("CONNECTIVE_REQUIRE_BROWSER") == "1";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(
                $"CONNECTIVE_REQUIRE_BROWSER=1 but Chromium is not installed at {ExecutablePath}. Install it with `apt-get install -y chromium`.");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return (playwright, browser);
    }
}
