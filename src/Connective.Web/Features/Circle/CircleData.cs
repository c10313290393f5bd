using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Circle;

/// <summary>Where a help request is in its life. No request dies silently: every state has someone who acts next.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HelpRequestStatus>))]
public enum HelpRequestStatus
{
    /// <summary>Recorded; the first wave of offers has not gone out yet.</summary>
    Open = 0,

    /// <summary>Offered to one or more helpers, waiting for someone to accept.</summary>
    Offered = 1,

    /// <summary>Every place has a helper; the visit has not started.</summary>
    Accepted = 2,

    /// <summary>A helper has checked in.</summary>
    InProgress = 3,

    Done = 4,
    Cancelled = 5,

    /// <summary>Nobody accepted before the deadline or no helper could be offered it: a coordinator picks it up.</summary>
    Unanswered = 6,
}

/// <summary>How soon the requester needs the help.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HelpUrgency>))]
public enum HelpUrgency
{
    Routine = 0,
    Soon = 1,
    Urgent = 2,
}

/// <summary>The criminal-records scheme a check was made under: one per UK jurisdiction.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckScheme>))]
public enum CheckScheme
{
    /// <summary>England and Wales: the Disclosure and Barring Service (DBS).</summary>
    Dbs = 0,

    /// <summary>Scotland: Disclosure Scotland, with the Protecting Vulnerable Groups (PVG) scheme.</summary>
    Pvg = 1,

    /// <summary>Northern Ireland: AccessNI.</summary>
    AccessNi = 2,
}

/// <summary>
/// The level of a check, ordered so that a higher level satisfies a lower requirement. The names are England and
/// Wales's; <see cref="Features.Circle.Vetting"/> gives each scheme's own name for the equivalent level.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckLevel>))]
public enum CheckLevel
{
    None = 0,
    Basic = 1,
    Standard = 2,
    Enhanced = 3,

    /// <summary>Enhanced with the Adults' Barred List checked: required for regulated activity with adults.</summary>
    EnhancedWithAdultsBarredList = 4,
}

/// <summary>Training a helper has completed, as flags.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<HelperTraining>))]
public enum HelperTraining
{
    None = 0,
    Safeguarding = 1,
    LoneWorking = 2,
    MoneyHandling = 4,
    FirstAid = 8,
}

/// <summary>Whether a helper may be offered tasks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HelperStatus>))]
public enum HelperStatus
{
    Active = 0,

    /// <summary>Stopped by a coordinator (for example after a concern): never offered anything, and their tasks withdrawn.</summary>
    Suspended = 1,
}

/// <summary>A helper's answer to an offer of a task.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OfferResponse>))]
public enum OfferResponse
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>Taken back: the helper was suspended, or the task was cancelled after they accepted.</summary>
    Withdrawn = 3,

    /// <summary>No longer open: every place was taken by others, or the request closed before they answered.</summary>
    Closed = 4,
}

/// <summary>Why something is in the coordinator's queue.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CoordinatorTaskKind>))]
public enum CoordinatorTaskKind
{
    /// <summary>No helper accepted (or could be offered) the request in time.</summary>
    Unanswered = 0,

    /// <summary>A helper on a home visit has not checked out when expected (lone working).</summary>
    OverdueCheckOut = 1,

    /// <summary>An offline requester must be phoned with news of their request.</summary>
    PhoneRequester = 2,

    /// <summary>Close to its deadline with nobody accepted yet.</summary>
    Escalation = 3,
}

/// <summary>
/// A kind of task and what it takes to do it safely, configurable per organisation (seeded with sensible defaults).
/// Vetting follows the task: the check, training and whether the first visit is made in pairs belong to the type.
/// </summary>
public sealed class CircleTaskType
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public CheckLevel RequiredCheck { get; set; }
    public HelperTraining RequiredTraining { get; set; }
    public bool FirstVisitInPairs { get; set; }

    /// <summary>Lone working: the helper checks in and out, and a late check-out alerts a coordinator.</summary>
    public bool NeedsCheckIn { get; set; }

    /// <summary>The helper may handle the requester's money: what was given, spent and returned is recorded.</summary>
    public bool HandlesMoney { get; set; }

    public int ExpectedMinutes { get; set; }

    /// <summary>The bit for this type in a helper's skills.</summary>
    public long SkillBit => 1L << Id;
}

/// <summary>
/// A helper's published offer (skills, availability, range, load) and the counters that matching reads. One row per
/// resident who helps. <see cref="ActiveTasks"/> is changed only by conditional updates, so a cap holds under concurrency.
/// </summary>
public sealed class HelperProfile
{
    public int ResidentId { get; set; }

    /// <summary>Task types the helper offers, as bits (<see cref="CircleTaskType.SkillBit"/>).</summary>
    public long Skills { get; set; }

    /// <summary>Days the helper is free, one bit per <see cref="DayOfWeek"/>.</summary>
    public int AvailableDays { get; set; }

    public int AvailableFromHour { get; set; }
    public int AvailableToHour { get; set; }
    public double MaxDistanceKm { get; set; }
    public int MaxTasks { get; set; }
    public int ActiveTasks { get; set; }
    public HelperTraining Training { get; set; }
    public HelperStatus Status { get; set; }
    public DateTime? SuspendedAt { get; set; }
    public string? SuspensionReason { get; set; }

    /// <summary>The helper's home, approximately (copied from the resident), so that range is read from this table alone.</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }
    public int OffersReceived { get; set; }
    public int OffersAnswered { get; set; }
    public int TasksAccepted { get; set; }
    public int TasksCompleted { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A helper's current criminal-records check, recorded by a coordinator. Certificates do not expire: the organisation's
/// policy sets <see cref="RecheckDueOn"/>. Conviction details are never stored, only whether the helper is cleared.
/// </summary>
public sealed class VettingRecord
{
    public long Id { get; set; }
    public int HelperResidentId { get; set; }
    public CheckScheme Scheme { get; set; }
    public CheckLevel Level { get; set; }
    public required string CertificateNumber { get; set; }
    public DateTime IssuedOn { get; set; }
    public bool BarredListChecked { get; set; }
    public bool UpdateServiceSubscribed { get; set; }
    public DateTime? LastStatusCheckOn { get; set; }
    public DateTime RecheckDueOn { get; set; }
    public required string RecordedByAccountId { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// A request for help. Location is the requester's approximate one; the exact address is read from their household
/// only for a helper who accepted, while the task is open.
/// </summary>
public sealed class HelpRequest
{
    public long Id { get; set; }
    public int RequesterResidentId { get; set; }
    public int TaskTypeId { get; set; }
    public required string Details { get; set; }

    /// <summary>When the requester would like the help, if they said.</summary>
    public DateTime? PreferredAt { get; set; }

    public int WardId { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public HelpUrgency Urgency { get; set; }
    public DateTime DeadlineAt { get; set; }
    public HelpRequestStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The account that recorded it: the requester's own, or a coordinator's for a phone request.</summary>
    public required string RecordedByAccountId { get; set; }

    public bool ByPhone { get; set; }

    /// <summary>Helpers needed at once: two when the task type asks for a first visit in pairs.</summary>
    public int PlacesNeeded { get; set; }

    /// <summary>Changed only by a conditional update, so that the last place goes to exactly one helper.</summary>
    public int PlacesTaken { get; set; }

    public int WaveNumber { get; set; }

    /// <summary>When the scheduler next looks at it (next wave, or escalation): persisted so it survives a restart.</summary>
    public DateTime? NextActionAt { get; set; }

    public DateTime? EscalatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>
/// A task offered to one helper, and once accepted, that helper's part in it: check-in and check-out for lone working
/// and the money handled. One row per request and helper.
/// </summary>
public sealed class HelpOffer
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int HelperResidentId { get; set; }
    public int Wave { get; set; }
    public DateTime OfferedAt { get; set; }
    public OfferResponse Response { get; set; }
    public DateTime? RespondedAt { get; set; }
    public int? NetworkDistance { get; set; }
    public double Score { get; set; }

    /// <summary>The ranking in words, never naming anyone in between ("a friend of a friend", "1.2 km away").</summary>
    public required string Reasons { get; set; }

    public DateTime? CheckedInAt { get; set; }
    public DateTime? CheckOutDueAt { get; set; }
    public DateTime? CheckedOutAt { get; set; }
    public DateTime? OverdueAlertedAt { get; set; }
    public long? MoneyGivenPence { get; set; }
    public long? MoneySpentPence { get; set; }
    public bool? ReceiptKept { get; set; }
    public long? ChangeReturnedPence { get; set; }
}

/// <summary>An honest update to a requester about their request; for an offline requester a coordinator phones it through.</summary>
public sealed class RequesterUpdate
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int ResidentId { get; set; }
    public DateTime At { get; set; }
    public required string Message { get; set; }
    public bool ByPhone { get; set; }
}

/// <summary>Something a coordinator must do: an unanswered request, an overdue check-out, a call to an offline requester.</summary>
public sealed class CoordinatorTask
{
    public long Id { get; set; }
    public CoordinatorTaskKind Kind { get; set; }
    public long? RequestId { get; set; }
    public int? ResidentId { get; set; }
    public int? HelperResidentId { get; set; }
    public required string Summary { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedByAccountId { get; set; }
    public string? Outcome { get; set; }
}

internal sealed class CircleTaskTypeConfiguration : IEntityTypeConfiguration<CircleTaskType>
{
    public void Configure(EntityTypeBuilder<CircleTaskType> builder)
    {
        builder.Property(type => type.Id).ValueGeneratedNever();
        builder.Property(type => type.Code).HasMaxLength(40);
        builder.Property(type => type.Name).HasMaxLength(100);
        builder.Property(type => type.Description).HasMaxLength(500);
        builder.Ignore(type => type.SkillBit);
        builder.HasIndex(type => type.Code).IsUnique();
        builder.HasData(Features.Circle.CircleTaskTypes.Defaults);
    }
}

internal sealed class HelperProfileConfiguration : IEntityTypeConfiguration<HelperProfile>
{
    public void Configure(EntityTypeBuilder<HelperProfile> builder)
    {
        builder.HasKey(helper => helper.ResidentId);
        builder.Property(helper => helper.ResidentId).ValueGeneratedNever();
        builder.Property(helper => helper.SuspensionReason).HasMaxLength(500);
        builder.HasOne<Resident>().WithMany().HasForeignKey(helper => helper.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(table => table.HasCheckConstraint("CK_HelperProfiles_ActiveTasks_within_cap", "\"ActiveTasks\" >= 0 AND \"ActiveTasks\" <= \"MaxTasks\""));
        builder.HasIndex(helper => new { helper.Status, helper.Latitude });
    }
}

internal sealed class VettingRecordConfiguration : IEntityTypeConfiguration<VettingRecord>
{
    public void Configure(EntityTypeBuilder<VettingRecord> builder)
    {
        builder.Property(record => record.CertificateNumber).HasMaxLength(40);
        builder.Property(record => record.RecordedByAccountId).HasMaxLength(64);
        builder.HasOne<HelperProfile>().WithMany().HasForeignKey(record => record.HelperResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(record => record.HelperResidentId).IsUnique();
        builder.HasIndex(record => record.RecheckDueOn);
    }
}

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> builder)
    {
        builder.Property(request => request.Details).HasMaxLength(1000);
        builder.Property(request => request.RecordedByAccountId).HasMaxLength(64);
        builder.HasOne<Resident>().WithMany().HasForeignKey(request => request.RequesterResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CircleTaskType>().WithMany().HasForeignKey(request => request.TaskTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ward>().WithMany().HasForeignKey(request => request.WardId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(table => table.HasCheckConstraint("CK_HelpRequests_PlacesTaken_within_PlacesNeeded", "\"PlacesTaken\" >= 0 AND \"PlacesTaken\" <= \"PlacesNeeded\""));
        builder.HasIndex(request => new { request.RequesterResidentId, request.CreatedAt });
        builder.HasIndex(request => new { request.Status, request.NextActionAt });
    }
}

internal sealed class HelpOfferConfiguration : IEntityTypeConfiguration<HelpOffer>
{
    public void Configure(EntityTypeBuilder<HelpOffer> builder)
    {
        builder.Property(offer => offer.Reasons).HasMaxLength(300);
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(offer => offer.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HelperProfile>().WithMany().HasForeignKey(offer => offer.HelperResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(offer => new { offer.RequestId, offer.HelperResidentId }).IsUnique();
        builder.HasIndex(offer => new { offer.HelperResidentId, offer.OfferedAt });
        builder.HasIndex(offer => new { offer.Response, offer.CheckOutDueAt });
    }
}

internal sealed class RequesterUpdateConfiguration : IEntityTypeConfiguration<RequesterUpdate>
{
    public void Configure(EntityTypeBuilder<RequesterUpdate> builder)
    {
        builder.Property(update => update.Message).HasMaxLength(500);
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(update => update.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(update => new { update.RequestId, update.At });
    }
}

internal sealed class CoordinatorTaskConfiguration : IEntityTypeConfiguration<CoordinatorTask>
{
    public void Configure(EntityTypeBuilder<CoordinatorTask> builder)
    {
        builder.Property(task => task.Summary).HasMaxLength(500);
        builder.Property(task => task.ResolvedByAccountId).HasMaxLength(64);
        builder.Property(task => task.Outcome).HasMaxLength(500);
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(task => task.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(task => new { task.ResolvedAt, task.CreatedAt });
        builder.HasIndex(task => new { task.RequestId, task.Kind });
    }
}
