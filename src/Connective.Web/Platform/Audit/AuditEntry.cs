using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Platform.Audit;

/// <summary>
/// One audited action: who (account id and the role they acted in), did what, to whom (resident id), when and why.
/// People appear only by internal id, never by name or e-mail, so that erasing a person leaves rows that identify no
/// one. The table is append-only: triggers created by the migrations make the database refuse UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string ActorId { get; set; }
    public required string ActorRole { get; set; }
    public required string Action { get; set; }
    public int? SubjectResidentId { get; set; }
    public string? Reason { get; set; }

    /// <summary>The resident a coordinator acted for (a proxy action): the actor is the coordinator, this is the person.</summary>
    public int? OnBehalfOfResidentId { get; set; }

    /// <summary>The account an action was done to when it is about an account rather than a resident (a role change).</summary>
    public string? SubjectAccountId { get; set; }

    /// <summary>Why the access was lawful; anything other than routine needs a <see cref="Reason"/>.</summary>
    public AuditBasis Basis { get; set; }

    /// <summary>The enquiry an access was made for; while a safeguarding enquiry is open the person is not shown the access.</summary>
    public long? EnquiryId { get; set; }
}

/// <summary>The ground an access was made on, which decides what the person is shown of it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditBasis>))]
public enum AuditBasis
{
    /// <summary>Ordinary work: the person sees the role and the date.</summary>
    Routine = 0,

    /// <summary>For a safeguarding enquiry: withheld while the enquiry is open, then shown as the role only.</summary>
    SafeguardingEnquiry = 1,

    /// <summary>Under a legal exemption (e.g. crime prevention): shown as the role only.</summary>
    LegalExemption = 2,
}

/// <summary>
/// A safeguarding enquiry or legal exemption that accesses are made under. It lives apart from the append-only audit
/// rows because it is opened and later closed; closing it is what lets the person see (by role) who looked.
/// </summary>
public sealed class AuditEnquiry
{
    public long Id { get; set; }
    public AuditBasis Basis { get; set; }

    /// <summary>The recorded reason, for the audit; never shown to the person while the enquiry is open.</summary>
    public required string Reason { get; set; }

    /// <summary>The account that opened it (an internal id).</summary>
    public required string OpenedBy { get; set; }

    /// <summary>The resident the enquiry is about (an internal id; no foreign key, so erasure leaves the enquiry pointing at nobody).</summary>
    public int? SubjectResidentId { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(entry => entry.ActorId).HasMaxLength(64);
        builder.Property(entry => entry.ActorRole).HasMaxLength(64);
        builder.Property(entry => entry.Action).HasMaxLength(100);
        builder.Property(entry => entry.Reason).HasMaxLength(500);
        builder.Property(entry => entry.SubjectAccountId).HasMaxLength(64);
        // No foreign key to Residents on purpose: an erased person's audit rows stay, pointing at nobody.
        builder.HasIndex(entry => entry.At);
        builder.HasIndex(entry => new { entry.SubjectResidentId, entry.At });
        builder.HasIndex(entry => new { entry.ActorId, entry.At });
        builder.HasIndex(entry => entry.OnBehalfOfResidentId);
        // No foreign key to AuditEnquiries either: on SQLite adding one rebuilds the table, which would drop the
        // append-only triggers; the enquiry id is checked when the entry is written (AuditLog).
        builder.HasIndex(entry => entry.EnquiryId);
    }
}

internal sealed class AuditEnquiryConfiguration : IEntityTypeConfiguration<AuditEnquiry>
{
    public void Configure(EntityTypeBuilder<AuditEnquiry> builder)
    {
        builder.Property(enquiry => enquiry.Reason).HasMaxLength(500);
        builder.Property(enquiry => enquiry.OpenedBy).HasMaxLength(64);
        builder.HasIndex(enquiry => enquiry.SubjectResidentId);
    }
}
