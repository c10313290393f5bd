using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Services;

public sealed record NewPilot(Guid ServiceId, string Title, string Hypothesis, long BudgetPence, DateTime StartsOn, DateTime ReviewOn,
    IReadOnlyList<(PilotMeasureSource Source, double Target)> Measures);

public sealed record PilotMeasureView(PilotMeasureSource Source, double Target, double? Result);

public sealed record PilotView(long Id, Guid ServiceId, string Service, string Title, string Hypothesis, long BudgetPence, DateTime StartsOn, DateTime ReviewOn,
    PilotDecision Decision, string? DecisionReasons, DateTime? DecidedAt, IReadOnlyList<PilotMeasureView> Measures);

/// <summary>
/// Pilots: the measures are fixed when the pilot is created (there is no way to change them), the decision is taken
/// once, at or after review, with reasons, and the measures' results are computed then from feedback and reports.
/// </summary>
public sealed class ServicePilots(AppDbContext db, TimeProvider time)
{
    public async Task<(long? Id, Dictionary<string, string> Errors)> CreateAsync(NewPilot input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var now = time.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > DirectoryLimits.Name)
        {
            errors["Title"] = $"Give the pilot a title of up to {DirectoryLimits.Name} characters";
        }
        if (string.IsNullOrWhiteSpace(input.Hypothesis) || input.Hypothesis.Length > DirectoryLimits.Comment)
        {
            errors["Hypothesis"] = $"State what the pilot should show, in up to {DirectoryLimits.Comment} characters";
        }
        if (input.BudgetPence < 0)
        {
            errors["BudgetPence"] = "The budget cannot be negative";
        }
        if (input.StartsOn.Date < now.Date)
        {
            errors["StartsOn"] = "A pilot starts today or later: its measures must be fixed before it starts";
        }
        if (input.ReviewOn <= input.StartsOn)
        {
            errors["ReviewOn"] = "The review date must be after the start date";
        }
        if (input.Measures.Count == 0)
        {
            errors["Measures"] = "Choose at least one measure the pilot will be judged by";
        }
        if (!await db.DirectoryServices.AnyAsync(s => s.Id == input.ServiceId, ct))
        {
            errors["ServiceId"] = "There is no such service in the directory";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var pilot = new Pilot
        {
            ServiceId = input.ServiceId,
            Title = input.Title.Trim(),
            Hypothesis = input.Hypothesis.Trim(),
            BudgetPence = input.BudgetPence,
            StartsOn = input.StartsOn,
            ReviewOn = input.ReviewOn,
            CreatedAt = now,
        };
        db.Pilots.Add(pilot);
        await db.SaveChangesAsync(ct);
        db.PilotMeasures.AddRange(input.Measures.Select(m => new PilotMeasure { PilotId = pilot.Id, Source = m.Source, Target = m.Target }));
        await db.SaveChangesAsync(ct);
        return (pilot.Id, errors);
    }

    /// <summary>Records the decision; refused (with the reason) before the review date, without reasons, or a second time.</summary>
    public async Task<(bool Found, string? Refusal)> DecideAsync(long pilotId, PilotDecision decision, string reasons, CancellationToken ct)
    {
        var pilot = await db.Pilots.SingleOrDefaultAsync(p => p.Id == pilotId, ct);
        if (pilot is null)
        {
            return (false, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (pilot.Decision != PilotDecision.Pending)
        {
            return (true, "This pilot's decision was already published; it cannot be changed.");
        }
        if (now < pilot.ReviewOn)
        {
            return (true, $"The pilot is reviewed on {pilot.ReviewOn:yyyy-MM-dd}; decide then.");
        }
        if (decision == PilotDecision.Pending || string.IsNullOrWhiteSpace(reasons) || reasons.Length > DirectoryLimits.Comment)
        {
            return (true, "Choose scale, iterate or stop, and give the reasons (up to 2000 characters).");
        }
        foreach (var measure in await db.PilotMeasures.Where(m => m.PilotId == pilotId).ToListAsync(ct))
        {
            measure.Result = await ResultAsync(pilot, measure.Source, ct);
        }
        (pilot.Decision, pilot.DecisionReasons, pilot.DecidedAt) = (decision, reasons.Trim(), now);
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    private async Task<double?> ResultAsync(Pilot pilot, PilotMeasureSource source, CancellationToken ct)
    {
        var feedback = db.ServiceFeedback.Where(f => f.ServiceId == pilot.ServiceId && f.At >= pilot.StartsOn && f.At < pilot.ReviewOn);
        var reports = db.ProblemReports.Where(r => r.ServiceId == pilot.ServiceId && r.ReportedAt >= pilot.StartsOn && r.ReportedAt < pilot.ReviewOn);
        switch (source)
        {
            case PilotMeasureSource.AverageRating:
                var ratings = await feedback.Select(f => f.Rating).ToListAsync(ct);
                return ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2);
            case PilotMeasureSource.FeedbackCount:
                return await feedback.CountAsync(ct);
            case PilotMeasureSource.ShareAnsweredOnTime:
                var answered = await reports.Select(r => new { r.RespondedAt, r.RespondBy }).ToListAsync(ct);
                return answered.Count == 0 ? null : Math.Round(answered.Count(r => r.RespondedAt <= r.RespondBy) / (double)answered.Count, 3);
            default:
                return null;
        }
    }

    /// <summary>The public ledger: every pilot, its measures and what became of it.</summary>
    public async Task<IReadOnlyList<PilotView>> LedgerAsync(CancellationToken ct)
    {
        var pilots = await db.Pilots.AsNoTracking().OrderByDescending(p => p.StartsOn).ThenBy(p => p.Id)
            .Join(db.DirectoryServices, p => p.ServiceId, s => s.Id, (p, s) => new { p, s.Name }).ToListAsync(ct);
        var ids = pilots.Select(p => p.p.Id).ToList();
        var measures = (await db.PilotMeasures.AsNoTracking().Where(m => ids.Contains(m.PilotId)).OrderBy(m => m.Id).ToListAsync(ct)).ToLookup(m => m.PilotId);
        return [.. pilots.Select(x => new PilotView(x.p.Id, x.p.ServiceId, x.Name, x.p.Title, x.p.Hypothesis, x.p.BudgetPence, x.p.StartsOn, x.p.ReviewOn,
            x.p.Decision, x.p.DecisionReasons, x.p.DecidedAt, [.. measures[x.p.Id].Select(m => new PilotMeasureView(m.Source, m.Target, m.Result))]))];
    }
}

public sealed record CorrectionView(long Id, Guid ServiceId, string Service, CorrectionField Field, string ProposedValue, string? Note, DateTime SuggestedAt,
    CorrectionStatus Status, string? ModeratorReason, DateTime? DecidedAt);

public sealed record ChangeView(string Field, string? OldValue, string? NewValue, DateTime At, string Source);

/// <summary>
/// Corrections residents suggest to directory entries, and the moderators' decisions. An accepted correction changes
/// the entry and is written to its history (<see cref="DirectoryChange"/>), so every change can be traced to its source.
/// </summary>
public sealed class DirectoryCorrections(AppDbContext db, TimeProvider time, DirectorySearch search)
{
    public async Task<(long? Id, Dictionary<string, string> Errors)> SuggestAsync(Guid serviceId, CorrectionField field, string proposed, string? note, int? residentId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(field))
        {
            errors["Field"] = "Choose what is wrong";
        }
        if (string.IsNullOrWhiteSpace(proposed) || proposed.Length > DirectoryLimits.Comment)
        {
            errors["ProposedValue"] = $"Say what it should be, in up to {DirectoryLimits.Comment} characters";
        }
        if (note is { Length: > DirectoryLimits.Comment })
        {
            errors["Note"] = $"The note must be {DirectoryLimits.Comment} characters or fewer";
        }
        if (!await db.DirectoryServices.AnyAsync(s => s.Id == serviceId, ct))
        {
            errors["ServiceId"] = "There is no such service in the directory";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var correction = new DirectoryCorrection
        {
            ServiceId = serviceId,
            Field = field,
            ProposedValue = proposed.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            SuggestedByResidentId = residentId,
            SuggestedAt = time.GetUtcNow().UtcDateTime,
            Status = CorrectionStatus.Pending,
        };
        db.DirectoryCorrections.Add(correction);
        await db.SaveChangesAsync(ct);
        return (correction.Id, errors);
    }

    public async Task<IReadOnlyList<CorrectionView>> ListAsync(CorrectionStatus? status, Guid? serviceId, CancellationToken ct)
    {
        var query = db.DirectoryCorrections.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (serviceId is { } id)
        {
            query = query.Where(c => c.ServiceId == id);
        }
        return await query.OrderBy(c => c.SuggestedAt).ThenBy(c => c.Id).Take(500)
            .Join(db.DirectoryServices, c => c.ServiceId, s => s.Id, (c, s) => new CorrectionView(c.Id, c.ServiceId, s.Name, c.Field, c.ProposedValue, c.Note,
                c.SuggestedAt, c.Status, c.ModeratorReason, c.DecidedAt))
            .ToListAsync(ct);
    }

    /// <summary>Accepts or declines a pending correction, with the reason; applies it to the entry when accepted.</summary>
    public async Task<(bool Found, string? Refusal)> DecideAsync(long correctionId, bool accept, string reason, CancellationToken ct)
    {
        var correction = await db.DirectoryCorrections.SingleOrDefaultAsync(c => c.Id == correctionId, ct);
        if (correction is null)
        {
            return (false, null);
        }
        if (correction.Status != CorrectionStatus.Pending)
        {
            return (true, "This correction was already decided.");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > DirectoryLimits.Comment)
        {
            return (true, "Give the reason for the decision (up to 2000 characters): the resident who suggested it sees it.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, ct);
        (correction.Status, correction.ModeratorReason, correction.DecidedAt) = (accept ? CorrectionStatus.Accepted : CorrectionStatus.Declined, reason.Trim(), now);
        if (accept)
        {
            await ApplyAsync(correction, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (accept)
        {
            search.Invalidate();
        }
        return (true, null);
    }

    private async Task ApplyAsync(DirectoryCorrection correction, DateTime now, CancellationToken ct)
    {
        var service = await db.DirectoryServices.SingleAsync(s => s.Id == correction.ServiceId, ct);
        var value = correction.ProposedValue;
        string? old;
        switch (correction.Field)
        {
            case CorrectionField.Email:
                (old, service.Email) = (service.Email, value);
                break;
            case CorrectionField.Eligibility:
                (old, service.EligibilityDescription) = (service.EligibilityDescription, value);
                break;
            case CorrectionField.Description:
                (old, service.Description) = (service.Description, value);
                break;
            case CorrectionField.Phone:
                var phone = await db.DirectoryPhones.Where(p => p.ServiceId == service.Id).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
                old = phone?.Number;
                if (phone is null)
                {
                    db.DirectoryPhones.Add(new DirectoryPhone { Id = Guid.NewGuid(), ServiceId = service.Id, Number = value.Length > 30 ? value[..30] : value });
                }
                else
                {
                    phone.Number = value.Length > 30 ? value[..30] : value;
                }
                break;
            default:
                // Opening times are free text from a resident; the moderator has read them, and they become the
                // schedule's description (HSDS's human-readable field) rather than a guessed structured rule.
                var schedule = await db.DirectorySchedules.Where(s => s.ServiceId == service.Id).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
                old = schedule?.Description;
                var text = value.Length > DirectoryLimits.Name ? value[..DirectoryLimits.Name] : value;
                if (schedule is null)
                {
                    db.DirectorySchedules.Add(new DirectorySchedule { Id = Guid.NewGuid(), ServiceId = service.Id, Description = text });
                }
                else
                {
                    schedule.Description = text;
                }
                break;
        }
        service.LastModified = now;
        db.DirectoryChanges.Add(new DirectoryChange
        {
            ServiceId = service.Id,
            Field = correction.Field.ToString(),
            OldValue = old,
            NewValue = value,
            At = now,
            Source = "correction " + correction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async Task<IReadOnlyList<ChangeView>> HistoryAsync(Guid serviceId, CancellationToken ct) =>
        await db.DirectoryChanges.AsNoTracking().Where(c => c.ServiceId == serviceId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new ChangeView(c.Field, c.OldValue, c.NewValue, c.At, c.Source)).ToListAsync(ct);
}
