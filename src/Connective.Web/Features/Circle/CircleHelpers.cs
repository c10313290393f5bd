using System.ComponentModel.DataAnnotations;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Circle;

/// <summary>What a helper offers: which task types, when, how far and how many at once.</summary>
public sealed record HelperOfferInput(
    [property: Required, MinLength(1), MaxLength(64)] IReadOnlyList<int> TaskTypeIds,
    [property: Required, MinLength(1), MaxLength(7)] IReadOnlyList<DayOfWeek> Days,
    [property: Range(0, 23)] int FromHour,
    [property: Range(1, 24)] int ToHour,
    [property: Range(0.5, 50)] double MaxDistanceKm,
    [property: Range(1, 10)] int MaxTasks);

/// <summary>A coordinator's record of a helper's check. No conviction details: only what was checked and when.</summary>
public sealed record VettingInput(CheckScheme Scheme, CheckLevel Level, [property: StringLength(40)] string? CertificateNumber, DateTime IssuedOn, bool BarredListChecked = false,
    bool UpdateServiceSubscribed = false, DateTime? LastStatusCheckOn = null, DateTime? RecheckDueOn = null, [property: Range(0, 7)] HelperTraining Training = HelperTraining.None);

/// <summary>Helpers' published offers and the vetting coordinators record for them.</summary>
public sealed class CircleHelpers(AppDbContext db, TimeProvider time, IOptions<CircleOptions> options)
{
    private static readonly DateTime EarliestCertificate = new(2002, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Dictionary<string, string> Validate(HelperOfferInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        if (input.TaskTypeIds is null || input.TaskTypeIds.Count == 0)
        {
            errors[nameof(HelperOfferInput.TaskTypeIds)] = "Select at least one kind of help you can give.";
        }
        if (input.Days is null || input.Days.Count == 0)
        {
            errors[nameof(HelperOfferInput.Days)] = "Select at least one day you are free.";
        }
        else if (input.Days.Any(day => !Enum.IsDefined(day)))
        {
            errors[nameof(HelperOfferInput.Days)] = "Days are 0 (Sunday) to 6 (Saturday).";
        }
        if (input.FromHour is < 0 or > 23 || input.ToHour is < 1 or > 24 || input.ToHour <= input.FromHour)
        {
            errors[nameof(HelperOfferInput.FromHour)] = "Enter the hours you are free, from 0 to 24, with the end after the start.";
        }
        if (input.MaxDistanceKm is < 0.5 or > 50 || double.IsNaN(input.MaxDistanceKm))
        {
            errors[nameof(HelperOfferInput.MaxDistanceKm)] = "Enter how far you will go, from 0.5 to 50 km.";
        }
        if (input.MaxTasks is < 1 or > 10)
        {
            errors[nameof(HelperOfferInput.MaxTasks)] = "Enter how many tasks you can take on at once, from 1 to 10.";
        }
        return errors;
    }

    /// <summary>Why the offer names kinds of help that do not exist, or null when every one exists.</summary>
    public static string? UnknownTaskTypes(HelperOfferInput input, IReadOnlyCollection<int> known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unknown = input.TaskTypeIds.Where(id => !known.Contains(id)).Distinct().ToList();
        return unknown.Count == 0 ? null : $"There is no kind of help {string.Join(", ", unknown)}: choose from /api/v1/circle/task-types.";
    }

    /// <summary>Publishes or updates a resident's offer to help. The cap may not drop below the tasks they already have.</summary>
    public async Task<CircleOutcome> SaveOfferAsync(int residentId, HelperOfferInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new { r.Latitude, r.Longitude }).SingleOrDefaultAsync(ct);
        if (resident is null)
        {
            return CircleOutcome.NotFound($"There is no resident {residentId}.");
        }
        var known = await db.CircleTaskTypes.Select(t => t.Id).ToListAsync(ct);
        if (UnknownTaskTypes(input, known) is { } unknown)
        {
            // Never drop an unknown kind silently: the helper would believe they offered it.
            return CircleOutcome.Invalid(unknown);
        }
        var skills = input.TaskTypeIds.Where(known.Contains).Aggregate(0L, (bits, id) => bits | (1L << id));
        var days = input.Days.Aggregate(0, (bits, day) => bits | (1 << (int)day));
        var profile = await db.HelperProfiles.SingleOrDefaultAsync(h => h.ResidentId == residentId, ct);
        if (profile is null)
        {
            profile = new HelperProfile { ResidentId = residentId, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.HelperProfiles.Add(profile);
        }
        else if (input.MaxTasks < profile.ActiveTasks)
        {
            return CircleOutcome.Invalid($"You have {profile.ActiveTasks} tasks under way: the number at once cannot be lower than that.");
        }
        profile.Skills = skills;
        profile.AvailableDays = days;
        profile.AvailableFromHour = input.FromHour;
        profile.AvailableToHour = input.ToHour;
        profile.MaxDistanceKm = input.MaxDistanceKm;
        profile.MaxTasks = input.MaxTasks;
        profile.Latitude = Math.Round(resident.Latitude, 3);
        profile.Longitude = Math.Round(resident.Longitude, 3);
        await db.SaveChangesAsync(ct);
        return CircleOutcome.Ok("Your offer to help is published. Thank you.");
    }

    /// <summary>The check's problems by field name (the vetting form's), empty when it can be recorded.</summary>
    public Dictionary<string, string> Validate(VettingInput input)
    {
        // The Criminal Records Bureau issued its first disclosures in 2002; DBS certificates followed in 2012.
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var today = time.GetUtcNow().UtcDateTime.Date;
        if (!Enum.IsDefined(input.Scheme))
        {
            errors["Scheme"] = "Select the scheme the check was made under";
        }
        if (!Enum.IsDefined(input.Level))
        {
            errors["Level"] = "Select the level of the check";
        }
        var certificate = input.CertificateNumber?.Trim() ?? "";
        if (certificate.Length == 0 && input.Level != CheckLevel.None)
        {
            errors["CertificateNumber"] = "Enter the certificate number";
        }
        else if (certificate.Length > 40 || certificate.Any(c => !char.IsLetterOrDigit(c) && c != '-' && c != ' '))
        {
            errors["CertificateNumber"] = "Enter the certificate number as printed: up to 40 letters, digits, spaces or hyphens";
        }
        if (input.IssuedOn.Date > today)
        {
            errors["IssuedOn"] = "The issue date cannot be in the future";
        }
        else if (input.IssuedOn.Date < EarliestCertificate)
        {
            errors["IssuedOn"] = "The issue date must be in 2002 or later, when criminal record certificates began";
        }
        if (input.LastStatusCheckOn is { } checkedOn && (checkedOn.Date > today || checkedOn.Date < input.IssuedOn.Date))
        {
            errors["LastStatusCheckOn"] = "The last status check must be between the issue date and today";
        }
        if (input.LastStatusCheckOn is not null && !input.UpdateServiceSubscribed)
        {
            errors["LastStatusCheckOn"] = "A status check is made through the Update Service: tick that they subscribe, or leave the date blank";
        }
        if (input.RecheckDueOn is { } due && due.Date <= input.IssuedOn.Date)
        {
            errors["RecheckDueOn"] = "The re-check date must be after the issue date";
        }
        if (input.BarredListChecked && input.Level < CheckLevel.EnhancedWithAdultsBarredList)
        {
            errors["BarredListChecked"] = "The Adults' Barred List is checked only with an Enhanced check with the barred list: choose that level or untick it";
        }
        return errors;
    }

    /// <summary>Records (or replaces) a helper's check; the re-check date defaults to the organisation's policy after issue.</summary>
    public async Task<CircleOutcome> RecordVettingAsync(int helperId, VettingInput input, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input).Values.FirstOrDefault() is { } problem)
        {
            return CircleOutcome.Invalid(problem + ".");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var profile = await db.HelperProfiles.SingleOrDefaultAsync(h => h.ResidentId == helperId, ct);
        if (profile is null)
        {
            return CircleOutcome.NotFound($"Resident {helperId} has not offered to help.");
        }
        profile.Training = input.Training;
        var record = await db.VettingRecords.SingleOrDefaultAsync(v => v.HelperResidentId == helperId, ct);
        if (record is null)
        {
            record = new VettingRecord { HelperResidentId = helperId, CertificateNumber = "", RecordedByAccountId = accountId };
            db.VettingRecords.Add(record);
        }
        record.Scheme = input.Scheme;
        record.Level = input.Level;
        record.CertificateNumber = (input.CertificateNumber ?? "").Trim();
        record.IssuedOn = input.IssuedOn.Date;
        record.BarredListChecked = input.BarredListChecked;
        record.UpdateServiceSubscribed = input.UpdateServiceSubscribed;
        record.LastStatusCheckOn = input.LastStatusCheckOn?.Date;
        record.RecheckDueOn = (input.RecheckDueOn ?? input.IssuedOn.AddYears(options.Value.RecheckAfterYears)).Date;
        record.RecordedByAccountId = accountId;
        record.RecordedAt = now;
        await db.SaveChangesAsync(ct);
        return CircleOutcome.Ok($"Recorded: {Vetting.Describe(record.Scheme, record.Level)}, re-check due {record.RecheckDueOn:d MMMM yyyy}.");
    }
}
