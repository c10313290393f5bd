using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Circle.Meetups;

/// <summary>
/// A meetup of a circle: when, where, how many places, and what to know about access. <see cref="TakenPlaces"/> counts
/// the RSVPs and can only rise while below <see cref="Capacity"/> (a conditional update, with a CHECK constraint behind it),
/// so the last place goes to exactly one person however many ask at once.
/// </summary>
public sealed class Meetup
{
    public long Id { get; set; }
    public int CircleId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public required string Place { get; set; }
    public int Capacity { get; set; }
    public int TakenPlaces { get; set; }
    public string? AccessibilityNotes { get; set; }

    /// <summary>The circle member who organises it, or null when staff organise it (or the organiser was erased).</summary>
    public int? OrganiserResidentId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the organiser last recorded who came; null until they do.</summary>
    public DateTime? AttendanceRecordedAt { get; set; }

    /// <summary>When it was called off (no more places are taken; the people with a place were told), and why.</summary>
    public DateTime? CancelledAt { get; set; }

    public string? CancelledBecause { get; set; }
}

/// <summary>A resident's place at a meetup.</summary>
public sealed class MeetupRsvp
{
    public long MeetupId { get; set; }
    public int ResidentId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A resident who came to a meetup, as recorded by the organiser (with or without an RSVP).</summary>
public sealed class MeetupAttendance
{
    public long MeetupId { get; set; }
    public int ResidentId { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class MeetupConfiguration : IEntityTypeConfiguration<Meetup>
{
    public void Configure(EntityTypeBuilder<Meetup> builder)
    {
        builder.ToTable("Meetups", table =>
        {
            table.HasCheckConstraint("CK_Meetups_places", "\"TakenPlaces\" >= 0 AND \"TakenPlaces\" <= \"Capacity\"");
            table.HasCheckConstraint("CK_Meetups_ends_after_start", "\"EndsAt\" > \"StartsAt\"");
        });
        builder.Property(meetup => meetup.Title).HasMaxLength(200);
        builder.Property(meetup => meetup.Description).HasMaxLength(2000);
        builder.Property(meetup => meetup.Place).HasMaxLength(300);
        builder.Property(meetup => meetup.AccessibilityNotes).HasMaxLength(1000);
        builder.Property(meetup => meetup.CancelledBecause).HasMaxLength(500);
        builder.HasOne<Data.Circle>().WithMany().HasForeignKey(meetup => meetup.CircleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(meetup => meetup.OrganiserResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(meetup => new { meetup.CircleId, meetup.StartsAt });
        builder.HasIndex(meetup => meetup.StartsAt);
    }
}

internal sealed class MeetupRsvpConfiguration : IEntityTypeConfiguration<MeetupRsvp>
{
    public void Configure(EntityTypeBuilder<MeetupRsvp> builder)
    {
        builder.ToTable("MeetupRsvps");
        builder.HasKey(rsvp => new { rsvp.MeetupId, rsvp.ResidentId });
        builder.HasOne<Meetup>().WithMany().HasForeignKey(rsvp => rsvp.MeetupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(rsvp => rsvp.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(rsvp => rsvp.ResidentId);
    }
}

internal sealed class MeetupAttendanceConfiguration : IEntityTypeConfiguration<MeetupAttendance>
{
    public void Configure(EntityTypeBuilder<MeetupAttendance> builder)
    {
        builder.ToTable("MeetupAttendances");
        builder.HasKey(attendance => new { attendance.MeetupId, attendance.ResidentId });
        builder.HasOne<Meetup>().WithMany().HasForeignKey(attendance => attendance.MeetupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(attendance => attendance.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(attendance => attendance.ResidentId);
    }
}
