using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

/// <summary>How long a service has to answer: a problem report, and a comment.</summary>
public sealed class ServicesOptions
{
    public const string Section = "Services";

    /// <summary>Working days are not modelled: the deadline is calendar days, as FixMyStreet's councils publish them.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 90)]
    public int ProblemResponseDays { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(1, 90)]
    public int CommentReplyDays { get; set; } = 14;
}

public sealed record NewFeedback(Guid ServiceId, int Rating, string? Comment, int? ResidentId, bool NameSharedWithManager);

public sealed record NewProblemReport(Guid ServiceId, ProblemCategory Category, string Description, string? Place, double? Latitude, double? Longitude, int? ResidentId);

/// <summary>Feedback and problem reports: residents give them, managers answer in public, deadlines make lateness visible.</summary>
public sealed class ServiceFeedbackTasks(AppDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<ServicesOptions> options, ServicesLive live)
{
    public async Task<(long? Id, Dictionary<string, string> Errors)> GiveFeedbackAsync(NewFeedback input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (input.Rating is < 1 or > 5)
        {
            errors["Rating"] = "Choose a rating from 1 (very poor) to 5 (very good)";
        }
        if (input.Comment is { Length: > DirectoryLimits.Comment })
        {
            errors["Comment"] = $"Comment must be {DirectoryLimits.Comment} characters or fewer";
        }
        var ward = await db.DirectoryServices.Where(s => s.Id == input.ServiceId).Select(s => new { s.WardId }).SingleOrDefaultAsync(ct);
        if (ward is null)
        {
            errors["ServiceId"] = "There is no such service in the directory";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        var feedback = new ServiceFeedback
        {
            ServiceId = input.ServiceId,
            Rating = input.Rating,
            Comment = comment,
            ResidentId = input.ResidentId,
            NameSharedWithManager = input.ResidentId is not null && input.NameSharedWithManager,
            At = now,
            ReplyDueAt = comment is null ? null : now.AddDays(options.Value.CommentReplyDays),
        };
        db.ServiceFeedback.Add(feedback);
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(input.ServiceId, ward!.WardId, ct);
        return (feedback.Id, errors);
    }

    public async Task<(long? Id, Dictionary<string, string> Errors)> ReportProblemAsync(NewProblemReport input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors["Description"] = "Describe the problem";
        }
        else if (input.Description.Length > DirectoryLimits.Comment)
        {
            errors["Description"] = $"Description must be {DirectoryLimits.Comment} characters or fewer";
        }
        if (input.Place is { Length: > DirectoryLimits.Name })
        {
            errors["Place"] = $"Where must be {DirectoryLimits.Name} characters or fewer";
        }
        if (!Enum.IsDefined(input.Category))
        {
            errors["Category"] = "Choose what the problem is about";
        }
        if (input.Latitude is < -90 or > 90 || input.Longitude is < -180 or > 180 || (input.Latitude is null) != (input.Longitude is null))
        {
            errors["Latitude"] = "Give both latitude and longitude, within -90 to 90 and -180 to 180, or neither";
        }
        var service = await db.DirectoryServices.Where(s => s.Id == input.ServiceId).Select(s => new { s.WardId }).SingleOrDefaultAsync(ct);
        if (service is null)
        {
            errors["ServiceId"] = "There is no such service in the directory";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var wardId = service!.WardId;
        if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            // The nearest ward centroid: the demo has no ward boundaries, and distances are computed in code (DESIGN.md).
            var wards = await db.Wards.AsNoTracking().Select(w => new { w.Id, w.CentroidLatitude, w.CentroidLongitude }).ToListAsync(ct);
            wardId = wards.OrderBy(w => Math.Pow(w.CentroidLatitude - lat, 2) + Math.Pow((w.CentroidLongitude - lon) * Math.Cos(lat * Math.PI / 180), 2))
                .Select(w => (int?)w.Id).FirstOrDefault() ?? wardId;
        }
        var report = new ProblemReport
        {
            ServiceId = input.ServiceId,
            Category = input.Category,
            Description = input.Description.Trim(),
            Place = input.Place?.Trim(),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            WardId = wardId,
            Status = ProblemStatus.Open,
            ResidentId = input.ResidentId,
            ReportedAt = now,
            RespondBy = now.AddDays(options.Value.ProblemResponseDays),
        };
        db.ProblemReports.Add(report);
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(input.ServiceId, wardId, ct);
        return (report.Id, errors);
    }

    /// <summary>A manager's public reply to a comment; null when there is no such comment.</summary>
    public async Task<bool?> ReplyToFeedbackAsync(long feedbackId, string reply, CancellationToken ct)
    {
        var feedback = await db.ServiceFeedback.SingleOrDefaultAsync(f => f.Id == feedbackId, ct);
        if (feedback is null)
        {
            return null;
        }
        feedback.Reply = reply.Trim();
        feedback.RepliedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(feedback.ServiceId, await WardOfAsync(feedback.ServiceId, ct), ct);
        return true;
    }

    /// <summary>A manager's public response and new status; the first response stops the deadline's clock.</summary>
    public async Task<bool?> RespondToReportAsync(long reportId, ProblemStatus status, string response, CancellationToken ct)
    {
        var report = await db.ProblemReports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }
        report.Status = status;
        report.Response = response.Trim();
        report.RespondedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(report.ServiceId, report.WardId, ct);
        return true;
    }

    private Task<int?> WardOfAsync(Guid serviceId, CancellationToken ct) =>
        db.DirectoryServices.Where(s => s.Id == serviceId).Select(s => s.WardId).SingleOrDefaultAsync(ct);
}
