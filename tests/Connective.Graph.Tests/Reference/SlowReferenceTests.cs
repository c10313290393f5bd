namespace Connective.Graph.Tests.Reference;

/// <summary>
/// The reference checks on the 1,000,000-node graphs and the 100-seed approximation bars take 10–20 minutes each in a
/// Debug build, too long for every `dotnet test`; they run when CONNECTIVE_SLOW_TESTS=1 is set
/// (`CONNECTIVE_SLOW_TESTS=1 dotnet test tests/Connective.Graph.Tests -c Release --filter Category=Large`).
/// </summary>
internal static class SlowReferenceTests
{
    public const string SkipReason = "A slow reference check: set CONNECTIVE_SLOW_TESTS=1 to run it (see docs/graph.md).";

    public static bool Enabled => Environment.GetEnvironmentVariable("CONNECTIVE_SLOW_TESTS") == "1";
}

/// <summary>A fact that runs only with CONNECTIVE_SLOW_TESTS=1.</summary>
public sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (!SlowReferenceTests.Enabled)
        {
            Skip = SlowReferenceTests.SkipReason;
        }
    }
}

/// <summary>A theory that runs only with CONNECTIVE_SLOW_TESTS=1.</summary>
public sealed class SlowTheoryAttribute : TheoryAttribute
{
    public SlowTheoryAttribute()
    {
        if (!SlowReferenceTests.Enabled)
        {
            Skip = SlowReferenceTests.SkipReason;
        }
    }
}
