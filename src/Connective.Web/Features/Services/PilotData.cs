using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Services;

/// <summary>What a pilot became at its review.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PilotDecision>))]
public enum PilotDecision
{
    Pending = 0,
    Scale = 1,
    Iterate = 2,
    Stop = 3,
}

/// <summary>Where a pilot's measure comes from: figures the platform already holds, so nobody marks their own homework.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PilotMeasureSource>))]
public enum PilotMeasureSource
{
    /// <summary>The service's average rating over the pilot (1–5).</summary>
    AverageRating = 0,

    /// <summary>How many ratings the service received over the pilot (usage).</summary>
    FeedbackCount = 1,

    /// <summary>The share of problem reports answered by their deadline (0–1).</summary>
    ShareAnsweredOnTime = 2,
}

/// <summary>
/// A pilot: start small, judge by measures fixed before it starts, then decide in public to scale, iterate or stop.
/// Its measures cannot change once it has started; its decision, with reasons, is public in the ledger.
/// </summary>
public sealed class Pilot
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Title { get; set; }
    public required string Hypothesis { get; set; }
    public long BudgetPence { get; set; }
    public DateTime StartsOn { get; set; }
    public DateTime ReviewOn { get; set; }
    public PilotDecision Decision { get; set; }
    public string? DecisionReasons { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A measure a pilot will be judged by, and the target that counts as success.</summary>
public sealed class PilotMeasure
{
    public long Id { get; set; }
    public long PilotId { get; set; }
    public PilotMeasureSource Source { get; set; }

    /// <summary>The value that counts as success (at least this).</summary>
    public double Target { get; set; }

    /// <summary>The value found at review, fixed with the decision.</summary>
    public double? Result { get; set; }
}

/// <summary>What became of a suggested correction.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CorrectionStatus>))]
public enum CorrectionStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>The fields of a directory entry residents may suggest corrections to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CorrectionField>))]
public enum CorrectionField
{
    OpeningTimes = 0,
    Phone = 1,
    Email = 2,
    Eligibility = 3,
    Description = 4,
}

/// <summary>A resident's suggested correction to a directory entry; a moderator accepts or declines it with a reason.</summary>
public sealed class DirectoryCorrection
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public CorrectionField Field { get; set; }
    public required string ProposedValue { get; set; }
    public string? Note { get; set; }
    public int? SuggestedByResidentId { get; set; }
    public DateTime SuggestedAt { get; set; }
    public CorrectionStatus Status { get; set; }
    public string? ModeratorReason { get; set; }
    public DateTime? DecidedAt { get; set; }
}

internal sealed class PilotConfiguration : IEntityTypeConfiguration<Pilot>
{
    public void Configure(EntityTypeBuilder<Pilot> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(DirectoryLimits.Name);
        builder.Property(p => p.Hypothesis).HasMaxLength(DirectoryLimits.Comment);
        builder.Property(p => p.DecisionReasons).HasMaxLength(DirectoryLimits.Comment);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PilotMeasureConfiguration : IEntityTypeConfiguration<PilotMeasure>
{
    public void Configure(EntityTypeBuilder<PilotMeasure> builder) =>
        builder.HasOne<Pilot>().WithMany().HasForeignKey(m => m.PilotId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class DirectoryCorrectionConfiguration : IEntityTypeConfiguration<DirectoryCorrection>
{
    public void Configure(EntityTypeBuilder<DirectoryCorrection> builder)
    {
        builder.Property(c => c.ProposedValue).HasMaxLength(DirectoryLimits.Comment);
        builder.Property(c => c.Note).HasMaxLength(DirectoryLimits.Comment);
        builder.Property(c => c.ModeratorReason).HasMaxLength(DirectoryLimits.Comment);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.SuggestedByResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.Status);
    }
}
