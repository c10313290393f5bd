using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Circle.Erasure;

/// <summary>What kind of record Circle had to keep when a person's other data was erased.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CircleKeptRecordKind>))]
public enum CircleKeptRecordKind
{
    /// <summary>A helper's criminal-records check: what was checked and when (never any conviction).</summary>
    VettingCheck = 0,

    /// <summary>Money a helper handled for a requester on a task: given, spent, change returned, receipt.</summary>
    MoneyHandled = 1,
}

/// <summary>
/// A record Circle keeps after an erasure because the organisation must (a safeguarding duty to show who was checked,
/// and an account of other people's money). The live rows (helper profile, check, task) go with the person; this copy
/// keeps only what the duty needs, by ids that map to no one once the person is erased. No foreign keys: it outlives them.
/// </summary>
public sealed class CircleKeptRecord
{
    public long Id { get; set; }
    public CircleKeptRecordKind Kind { get; set; }

    /// <summary>When it was copied here (the erasure).</summary>
    public DateTime KeptAt { get; set; }

    /// <summary>The helper the record is about (vetting), or who handled the money.</summary>
    public int? HelperResidentId { get; set; }

    /// <summary>Whose money it was (money handled).</summary>
    public int? RequesterResidentId { get; set; }

    /// <summary>The task (help request) and offer the money was handled on; the offer id stops a second erasure copying it twice.</summary>
    public long? RequestId { get; set; }

    public long? OfferId { get; set; }

    public CheckScheme? Scheme { get; set; }
    public CheckLevel? Level { get; set; }
    public string? CertificateNumber { get; set; }
    public DateTime? IssuedOn { get; set; }
    public bool? BarredListChecked { get; set; }
    public bool? UpdateServiceSubscribed { get; set; }
    public DateTime? LastStatusCheckOn { get; set; }
    public string? RecordedByAccountId { get; set; }

    /// <summary>When the money was handled (the helper's check-out).</summary>
    public DateTime? HandledAt { get; set; }

    public long? MoneyGivenPence { get; set; }
    public long? MoneySpentPence { get; set; }
    public long? ChangeReturnedPence { get; set; }
    public bool? ReceiptKept { get; set; }
}

internal sealed class CircleKeptRecordConfiguration : IEntityTypeConfiguration<CircleKeptRecord>
{
    public void Configure(EntityTypeBuilder<CircleKeptRecord> builder)
    {
        builder.ToTable("CircleKeptRecords");
        builder.Property(record => record.CertificateNumber).HasMaxLength(40);
        builder.Property(record => record.RecordedByAccountId).HasMaxLength(64);
        builder.HasIndex(record => record.HelperResidentId);
        builder.HasIndex(record => record.RequesterResidentId);
        builder.HasIndex(record => record.OfferId);
    }
}
