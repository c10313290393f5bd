using System.Text.Json.Serialization;
using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Insight;

/// <summary>A change in someone's life that raises the risk of loneliness, recorded by staff so that Insight can plan a check-in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LifeEventKind>))]
public enum LifeEventKind
{
    /// <summary>The person lost someone close (the widow effect: their friends' risk rises too).</summary>
    Bereavement = 0,
    HospitalDischarge = 1,
    MovedHome = 2,
    BecameCarer = 3,
}

/// <summary>
/// A life event of one resident, as recorded by a member of staff. No free text: a note could name other people or say
/// more than the check-in needs.
/// </summary>
public sealed class LifeEvent
{
    public long Id { get; set; }
    public int ResidentId { get; set; }
    public LifeEventKind Kind { get; set; }

    /// <summary>When it happened (UTC midnight of the day given).</summary>
    public DateTime OccurredAt { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>The internal id of the staff account that recorded it.</summary>
    public required string RecordedByAccountId { get; set; }
}

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    public void Configure(EntityTypeBuilder<LifeEvent> builder)
    {
        builder.ToTable("InsightLifeEvents");
        builder.Property(row => row.RecordedByAccountId).HasMaxLength(450);
        builder.HasOne<Resident>().WithMany().HasForeignKey(row => row.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(row => new { row.Kind, row.OccurredAt });
        builder.HasIndex(row => row.ResidentId);
    }
}
