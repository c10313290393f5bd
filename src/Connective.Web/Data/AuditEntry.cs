using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

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
        // No foreign key to Residents on purpose: an erased person's audit rows stay, pointing at nobody.
        builder.HasIndex(entry => entry.At);
        builder.HasIndex(entry => new { entry.SubjectResidentId, entry.At });
        builder.HasIndex(entry => new { entry.ActorId, entry.At });
    }
}
