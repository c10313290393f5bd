using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

/// <summary>An electoral ward of the borough, with its ONS GSS code (E05…) so open data by ward joins national statistics.</summary>
public sealed class Ward
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public double CentroidLatitude { get; set; }
    public double CentroidLongitude { get; set; }
}

/// <summary>A household: the people living at one address.</summary>
public sealed class Household
{
    public int Id { get; set; }
    public int WardId { get; set; }
    public required string AddressLine { get; set; }
    public required string Postcode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

/// <summary>
/// A resident. The location is approximate (their household's, rounded); offline residents have no account and
/// no e-mail and are reached through coordinators.
/// </summary>
public sealed class Resident
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }

    /// <summary>The household's ward, kept on the resident because nearly every query groups people by ward.</summary>
    public int WardId { get; set; }

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public int BirthYear { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public bool HasAccount { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>What a tie is; the values match <c>Connective.Graph.Generators.CommunityTieKind</c> where they overlap.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TieKind>))]
public enum TieKind
{
    Household = 0,
    Family = 1,
    Neighbour = 2,
    Friend = 3,

    /// <summary>Inferred from shared activity (the same circle, meetup or request), never declared by the people.</summary>
    Observed = 4,
}

/// <summary>Where a tie came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TieSource>))]
public enum TieSource
{
    /// <summary>Declared by one of the two people, or by a coordinator on their behalf.</summary>
    Declared = 0,

    /// <summary>Observed from shared activity on the platform.</summary>
    Observed = 1,

    /// <summary>Written by the demo borough generator.</summary>
    Demo = 2,
}

/// <summary>A tie between two residents, stored once with PersonAId &lt; PersonBId.</summary>
public sealed class Tie
{
    public long Id { get; set; }
    public int PersonAId { get; set; }
    public int PersonBId { get; set; }
    public TieKind Kind { get; set; }

    /// <summary>Strength in (0, 1]: 1 for a household, less for acquaintances.</summary>
    public double Weight { get; set; }

    public TieSource Source { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> builder)
    {
        builder.Property(ward => ward.Code).HasMaxLength(9);
        builder.Property(ward => ward.Name).HasMaxLength(100);
        builder.HasIndex(ward => ward.Code).IsUnique();
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(household => household.AddressLine).HasMaxLength(200);
        builder.Property(household => household.Postcode).HasMaxLength(10);
        builder.HasOne<Ward>().WithMany().HasForeignKey(household => household.WardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.Property(resident => resident.GivenName).HasMaxLength(100);
        builder.Property(resident => resident.FamilyName).HasMaxLength(100);
        builder.Property(resident => resident.Email).HasMaxLength(254);
        builder.Property(resident => resident.Phone).HasMaxLength(20);
        builder.HasOne<Household>().WithMany().HasForeignKey(resident => resident.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ward>().WithMany().HasForeignKey(resident => resident.WardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TieConfiguration : IEntityTypeConfiguration<Tie>
{
    public void Configure(EntityTypeBuilder<Tie> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint("CK_Ties_PersonAId_below_PersonBId", "\"PersonAId\" < \"PersonBId\""));
        builder.HasOne<Resident>().WithMany().HasForeignKey(tie => tie.PersonAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(tie => tie.PersonBId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(tie => new { tie.PersonAId, tie.PersonBId, tie.Kind }).IsUnique();
        builder.HasIndex(tie => tie.PersonBId);
    }
}
