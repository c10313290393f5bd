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
    /// </summary>
    [Fact]
    public void No_page_formats_a_date_or_time_itself()
    {
        var features = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Connective.Web", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cshtml.cs", StringComparison.Ordinal) || file.EndsWith("Text.cs", StringComparison.Ordinal))
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

    /// <summary>A meetup typed as 10:30 on a summer day starts at 09:30 UTC and reads 10:30 again when edited; a time the clocks skip is refused.</summary>
    [Fact]
    public void Meetup_times_are_typed_and_shown_in_uk_time()
    {
        var errors = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var summer = new Web.Features.Circle.Meetups.MeetupForm { CircleId = 1, Title = "Walk", Date = "2026-07-01", Time = "10:30", Place = "Park" }.ToNewMeetup(errors);
        var winter = new Web.Features.Circle.Meetups.MeetupForm { CircleId = 1, Title = "Walk", Date = "2026-12-01", Time = "10:30", Place = "Park" }.ToNewMeetup(errors);
        var skipped = new Web.Features.Circle.Meetups.MeetupForm { CircleId = 1, Title = "Walk", Date = "2027-03-28", Time = "01:30", Place = "Park" };

        Assert.Equal(new DateTime(2026, 7, 1, 9, 30, 0, DateTimeKind.Utc), summer!.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 30, 0, DateTimeKind.Utc), winter!.StartsAt);
        Assert.Equal("Wednesday 1 July 2026, 10:30", UkTime.DayAndClock(summer.StartsAt!.Value));
        Assert.Equal(0, errors.ErrorCount);
        Assert.Null(skipped.ToNewMeetup(errors));
        Assert.Contains("clocks go forward", errors["Time"]!.Errors[0].ErrorMessage, StringComparison.Ordinal);
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
