using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Circle.Safeguarding;

/// <summary>Where a concern is in the safeguarding lead's hands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConcernStatus>))]
public enum ConcernStatus
{
    New = 0,
    Investigating = 1,
    Referred = 2,
    Closed = 3,
}

/// <summary>Who a referral went to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReferralAgency>))]
public enum ReferralAgency
{
    /// <summary>The Disclosure and Barring Service (a barring referral, a legal duty when a helper is removed for harm).</summary>
    DisclosureAndBarringService = 0,

    /// <summary>The local authority's adult safeguarding team (Care Act 2014, section 42).</summary>
    LocalAuthorityAdultSafeguarding = 1,

    /// <summary>The local authority's children's services.</summary>
    LocalAuthorityChildrensServices = 2,

    Police = 3,

    /// <summary>Disclosure Scotland (PVG scheme) or AccessNI, for helpers vetted there.</summary>
    DisclosureScotlandOrAccessNi = 4,
}

/// <summary>
/// A safeguarding concern raised by anyone signed in, about a person, a visit, or both. Seen only by the safeguarding
/// lead. The people are held by id with no foreign key: safeguarding records are kept when a person's other data is
/// erased (a legal obligation outweighs the right to erasure here), pointing at nobody once the person is gone.
/// </summary>
public sealed class SafeguardingConcern
{
    public long Id { get; set; }

    /// <summary>The account that raised it (an internal id, never a name).</summary>
    public required string RaisedByUserId { get; set; }

    public int? AboutResidentId { get; set; }

    /// <summary>The Circle task (visit) it is about, if any.</summary>
    public long? AboutTaskId { get; set; }

    public required string Description { get; set; }
    public ConcernStatus Status { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A note the safeguarding lead adds while handling a concern.</summary>
public sealed class SafeguardingNote
{
    public long Id { get; set; }
    public long ConcernId { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A referral made about a concern, and whether the helper concerned was removed for harm. Kept when the helper's
/// other data is erased: the record that a barring referral was made must outlive their account.
/// </summary>
public sealed class SafeguardingReferral
{
    public long Id { get; set; }
    public long ConcernId { get; set; }
    public ReferralAgency Agency { get; set; }

    /// <summary>The agency's reference for the referral, as the lead was given it.</summary>
    public required string Reference { get; set; }

    public DateTime ReferredAt { get; set; }
    public required string RecordedByUserId { get; set; }

    /// <summary>The helper removed for harm, when the referral goes with a removal.</summary>
    public int? RemovedHelperResidentId { get; set; }
}

internal sealed class SafeguardingConcernConfiguration : IEntityTypeConfiguration<SafeguardingConcern>
{
    public void Configure(EntityTypeBuilder<SafeguardingConcern> builder)
    {
        builder.ToTable("SafeguardingConcerns", table =>
            table.HasCheckConstraint("CK_SafeguardingConcerns_about_someone", "\"AboutResidentId\" IS NOT NULL OR \"AboutTaskId\" IS NOT NULL"));
        builder.Property(concern => concern.RaisedByUserId).HasMaxLength(64);
        builder.Property(concern => concern.Description).HasMaxLength(4000);
        builder.HasIndex(concern => new { concern.Status, concern.RaisedAt });
        builder.HasIndex(concern => concern.AboutResidentId);
    }
}

internal sealed class SafeguardingNoteConfiguration : IEntityTypeConfiguration<SafeguardingNote>
{
    public void Configure(EntityTypeBuilder<SafeguardingNote> builder)
    {
        builder.ToTable("SafeguardingNotes");
        builder.Property(note => note.AuthorUserId).HasMaxLength(64);
        builder.Property(note => note.Text).HasMaxLength(4000);
        builder.HasOne<SafeguardingConcern>().WithMany().HasForeignKey(note => note.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(note => note.ConcernId);
    }
}

internal sealed class SafeguardingReferralConfiguration : IEntityTypeConfiguration<SafeguardingReferral>
{
    public void Configure(EntityTypeBuilder<SafeguardingReferral> builder)
    {
        builder.ToTable("SafeguardingReferrals");
        builder.Property(referral => referral.Reference).HasMaxLength(100);
        builder.Property(referral => referral.RecordedByUserId).HasMaxLength(64);
        builder.HasOne<SafeguardingConcern>().WithMany().HasForeignKey(referral => referral.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(referral => referral.ConcernId);
        builder.HasIndex(referral => referral.RemovedHelperResidentId);
    }
}
