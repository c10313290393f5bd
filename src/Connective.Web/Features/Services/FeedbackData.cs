using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Services;

/// <summary>
/// A resident's rating of a service they used, with an optional comment. Public pages never name the resident; the
/// service manager sees who wrote it only when <see cref="NameSharedWithManager"/> is true.
/// </summary>
public sealed class ServiceFeedback
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }

    /// <summary>1 (very poor) to 5 (very good).</summary>
    public int Rating { get; set; }

    public string? Comment { get; set; }

    /// <summary>Who wrote it; null for feedback given without signing in, or once the resident's data is erased.</summary>
    public int? ResidentId { get; set; }

    public bool NameSharedWithManager { get; set; }
    public DateTime At { get; set; }

    /// <summary>The manager's public reply.</summary>
    public string? Reply { get; set; }

    public DateTime? RepliedAt { get; set; }

    /// <summary>When a comment must have its public reply by; null when there is nothing to reply to.</summary>
    public DateTime? ReplyDueAt { get; set; }
}

/// <summary>What a problem report is about (FixMyStreet's categories, cut to a directory's services).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemCategory>))]
public enum ProblemCategory
{
    WrongInformation = 0,
    ClosedWhenOpen = 1,
    Accessibility = 2,
    Safety = 3,
    StaffConduct = 4,
    Other = 5,
}

/// <summary>A problem report's state, as FixMyStreet shows it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemStatus>))]
public enum ProblemStatus
{
    Open = 0,
    Investigating = 1,
    ActionScheduled = 2,
    Fixed = 3,
    Closed = 4,
}

/// <summary>A reported problem with a service: category, where, what, its status and the date a response is due.</summary>
public sealed class ProblemReport
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public ProblemCategory Category { get; set; }
    public required string Description { get; set; }

    /// <summary>Where, in the resident's words (a street, a room).</summary>
    public string? Place { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? WardId { get; set; }
    public ProblemStatus Status { get; set; }
    public int? ResidentId { get; set; }
    public DateTime ReportedAt { get; set; }
    public DateTime RespondBy { get; set; }
    public string? Response { get; set; }
    public DateTime? RespondedAt { get; set; }
}

internal sealed class ServiceFeedbackConfiguration : IEntityTypeConfiguration<ServiceFeedback>
{
    public void Configure(EntityTypeBuilder<ServiceFeedback> builder)
    {
        builder.Property(f => f.Comment).HasMaxLength(DirectoryLimits.Comment);
        builder.Property(f => f.Reply).HasMaxLength(DirectoryLimits.Comment);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(f => f.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => new { f.ServiceId, f.At });
    }
}

internal sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    public void Configure(EntityTypeBuilder<ProblemReport> builder)
    {
        builder.Property(r => r.Description).HasMaxLength(DirectoryLimits.Comment);
        builder.Property(r => r.Place).HasMaxLength(DirectoryLimits.Name);
        builder.Property(r => r.Response).HasMaxLength(DirectoryLimits.Comment);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Ward>().WithMany().HasForeignKey(r => r.WardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ServiceId, r.ReportedAt });
    }
}
