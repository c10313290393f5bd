using System.Text.RegularExpressions;
using Connective.TestSupport;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Circle.Safeguarding;
using Connective.Web.Infrastructure;

namespace Connective.Web.Tests.Wording;

/// <summary>How pages word things (issue 12 item 16): UK local time, plurals, enum values as words.</summary>
public sealed partial class WordingTests
{
    /// <summary>
    /// Pages show times in UK local time through UkTime: no view or page formats a date or time itself (which showed UTC).
    /// Meetups are left out until their form also takes UK time (it takes UTC today): showing one and taking the other
    /// would be worse.
    /// </summary>
    [Fact]
    public void No_page_formats_a_date_or_time_itself()
    {
        var features = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Connective.Web", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cshtml.cs", StringComparison.Ordinal) || file.EndsWith("Text.cs", StringComparison.Ordinal))
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "Meetups" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(row => DateFormat().IsMatch(row.line))
            .Select(row => $"{Path.GetRelativePath(features, row.file)}:{row.index + 1}: {row.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Format dates with UkTime:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void A_summer_instant_is_shown_in_british_summer_time()
    {
        var noonUtc = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal("1 July 2026 at 1pm", UkTime.DateAndTime(noonUtc));
        Assert.Equal("1 December 2026 at 12pm", UkTime.DateAndTime(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(1, "1 minute")]
    [InlineData(2, "2 minutes")]
    [InlineData(61, "1 hour 1 minute")]
    [InlineData(120, "2 hours")]
    public void Durations_use_the_singular_for_one(long minutes, string words) => Assert.Equal(words, TimeCredits.Format(minutes));

    [Fact]
    public void Enum_values_are_shown_as_words()
    {
        Assert.Equal("Lone working", Web.Features.Circle.HelperTraining.LoneWorking.Words());
        Assert.Equal("Investigating", ConcernStatus.Investigating.Words());
        Assert.Equal("Disclosure and barring service", ReferralAgency.DisclosureAndBarringService.Words());
    }

    [GeneratedRegex("""ToString\("[^"]*(HH|MMM|dddd|yyyy)""")]
    private static partial Regex DateFormat();
}
