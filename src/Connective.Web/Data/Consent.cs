using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

/// <summary>What a resident consents to; each is given and withdrawn separately.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentPurpose>))]
public enum ConsentPurpose
{
    /// <summary>Their ties may be used in network analysis (Insight, ward statistics).</summary>
    NetworkInsight = 0,

    /// <summary>They may be shown to helpers nearby when they ask for help.</summary>
    ShowToHelpersNearby = 1,

    /// <summary>Coordinators may phone them.</summary>
    ContactByPhone = 2,

    /// <summary>Their anonymised records may be included in research exports.</summary>
    ResearchExports = 3,

    /// <summary>
    /// Their ties may be used to find them help, or people to help, through people they know (Circle's matching).
    /// </summary>
    FindHelpThroughMyNetwork = 4,
}

/// <summary>How consent was given: online by the resident, or recorded by someone on a call or from a paper form.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentMethod>))]
public enum ConsentMethod
{
    Online = 0,
    Phone = 1,
    Paper = 2,
}

/// <summary>
/// One consent given by a resident for one purpose. Withdrawal sets <see cref="WithdrawnAt"/>; the row is kept as the record.
/// Consent is current when it has been given and not withdrawn.
/// </summary>
public sealed class Consent
{
    public long Id { get; set; }
    public int ResidentId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public DateTime GivenAt { get; set; }
    public ConsentMethod Method { get; set; }

    /// <summary>Who recorded it: "self" when the resident gave it online, otherwise the coordinator's name or account.</summary>
    public required string RecordedBy { get; set; }

    /// <summary>For consent given by phone, the version of the script the coordinator read out.</summary>
    public string? ScriptVersion { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Who withdrew it: "self", or the internal account id of whoever recorded the withdrawal.</summary>
    public string? WithdrawnBy { get; set; }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(consent => consent.RecordedBy).HasMaxLength(200);
        builder.Property(consent => consent.ScriptVersion).HasMaxLength(40);
        builder.Property(consent => consent.WithdrawnBy).HasMaxLength(200);
        builder.HasOne<Resident>().WithMany().HasForeignKey(consent => consent.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(consent => new { consent.ResidentId, consent.Purpose });
        builder.HasIndex(consent => new { consent.Purpose, consent.WithdrawnAt });
    }
}
