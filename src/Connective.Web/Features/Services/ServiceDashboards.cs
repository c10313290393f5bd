using Connective.Web.Data;
using Connective.Web.Platform.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>One month of a dashboard: figures published (public) or exact (staff); null means withheld ([c]).</summary>
public sealed record DashboardMonth(DateTime Month, int? Ratings, double? AverageRating, int? Reports, int? Answered, double? MedianResponseDays)
{
    /// <summary>The chart's short label for the month, e.g. "Dec 26" (the month is a calendar month, not an instant).</summary>
    public string Label => Month.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A dashboard: twelve months, then the reports open and overdue now.</summary>
public sealed record Dashboard(string Title, bool Exact, IReadOnlyList<DashboardMonth> Months, int? OpenReports, int? OverdueReports, int? Ratings, double? AverageRating);

/// <summary>
/// The per-service and per-ward dashboards. Public ones go through <see cref="DisclosureControl"/> (counts rounded,
/// small ones suppressed, an average shown only over a published number of ratings); staff ones are exact.
/// </summary>
public sealed class ServiceDashboards(AppDbContext db, TimeProvider time)
{
    public const int Months = 12;

    public async Task<Dashboard?> ForServiceAsync(Guid serviceId, bool exact, CancellationToken ct)
    {
        var name = await db.DirectoryServices.Where(s => s.Id == serviceId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        return name is null ? null : await BuildAsync(name, db.ServiceFeedback.Where(f => f.ServiceId == serviceId), db.ProblemReports.Where(r => r.ServiceId == serviceId), exact, ct);
    }

    /// <summary>A ward's dashboard: feedback on the ward's services, and problems reported in the ward.</summary>
    public async Task<Dashboard?> ForWardAsync(int wardId, bool exact, CancellationToken ct)
    {
        var name = await db.Wards.Where(w => w.Id == wardId).Select(w => w.Name).SingleOrDefaultAsync(ct);
        return name is null ? null : await BuildAsync(name,
            db.ServiceFeedback.Where(f => db.DirectoryServices.Any(s => s.Id == f.ServiceId && s.WardId == wardId)),
            db.ProblemReports.Where(r => r.WardId == wardId), exact, ct);
    }

    private async Task<Dashboard> BuildAsync(string title, IQueryable<ServiceFeedback> feedback, IQueryable<ProblemReport> reports, bool exact, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-(Months - 1));
        // Rows, not SQL grouping by month: SQLite and PostgreSQL spell month truncation differently, and a year of one
        // service's or ward's feedback is a few thousand small rows.
        var ratings = await feedback.Where(f => f.At >= first).Select(f => new { f.At, f.Rating }).ToListAsync(ct);
        var reportRows = await reports.Where(r => r.ReportedAt >= first || r.RespondedAt == null)
            .Select(r => new { r.ReportedAt, r.RespondedAt, r.RespondBy, r.Status }).ToListAsync(ct);

        var months = new List<DashboardMonth>();
        for (var m = 0; m < Months; m++)
        {
            var start = first.AddMonths(m);
            var end = start.AddMonths(1);
            var inMonth = ratings.Where(r => r.At >= start && r.At < end).ToList();
            var reported = reportRows.Where(r => r.ReportedAt >= start && r.ReportedAt < end).ToList();
            var answered = reported.Where(r => r.RespondedAt is not null).Select(r => (r.RespondedAt!.Value - r.ReportedAt).TotalDays).Order().ToList();
            var average = inMonth.Count == 0 ? (double?)null : inMonth.Average(r => r.Rating);
            months.Add(exact
                ? new DashboardMonth(start, inMonth.Count, average, reported.Count, answered.Count, Median(answered))
                : Published(start, inMonth.Count, average, reported.Count, answered.Count, Median(answered)));
        }
        var open = reportRows.Count(r => r.Status is not (ProblemStatus.Fixed or ProblemStatus.Closed));
        var overdue = reportRows.Count(r => r.RespondedAt is null && r.RespondBy < now);
        var all = ratings.Count;
        double? mean = all == 0 ? null : ratings.Average(r => r.Rating);
        if (exact)
        {
            return new Dashboard(title, true, months, open, overdue, all, mean);
        }
        var published = DisclosureControl.Count(all);
        return new Dashboard(title, false, months, DisclosureControl.Count(open).Value, DisclosureControl.Count(overdue).Value, published.Value,
            mean is { } value ? DisclosureControl.Average(value, published) : null);
    }

    private static DashboardMonth Published(DateTime month, int ratings, double? average, int reports, int answered, double? median)
    {
        var publishedRatings = DisclosureControl.Count(ratings);
        var publishedAnswered = DisclosureControl.Count(answered);
        return new DashboardMonth(month, publishedRatings.Value, average is { } a ? DisclosureControl.Average(a, publishedRatings) : null,
            DisclosureControl.Count(reports).Value, publishedAnswered.Value, median is { } d ? DisclosureControl.Average(d, publishedAnswered) : null);
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
