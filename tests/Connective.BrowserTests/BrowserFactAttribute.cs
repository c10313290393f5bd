namespace Connective.BrowserTests;

/// <summary>
/// A test that drives Debian's Chromium. Without Chromium it is skipped with a clear reason, decided
/// at discovery time, unless CONNECTIVE_REQUIRE_BROWSER=1 (as in CI), where it runs and fails clearly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} (apt-get install chromium). " +
                   "Set CONNECTIVE_REQUIRE_BROWSER=1 to make this a failure instead of a skip.";
        }
    }
}
