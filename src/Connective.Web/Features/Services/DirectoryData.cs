using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Services;

// The service directory, shaped as Open Referral UK / HSDS 3.0 so that import and export are a mapping, not a
// translation: ids are the standard's UUIDs, names follow its fields. The ward is Connective's own addition (exported
// as an HSDS service_area whose extent is the ward's GSS code).

/// <summary>An HSDS organization: who provides services.</summary>
public sealed class DirectoryOrganization
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public required string Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public DateTime LastModified { get; set; }
}

/// <summary>The HSDS service statuses, spelt as the standard spells them.</summary>
public static class DirectoryServiceStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Defunct = "defunct";
    public const string TemporarilyClosed = "temporarily closed";

    public static readonly IReadOnlyList<string> All = [Active, Inactive, Defunct, TemporarilyClosed];
}

/// <summary>An HSDS service, with its eligibility (HSDS 3.0 keeps eligibility on the service).</summary>
public sealed class DirectoryService
{
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public required string Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public required string Status { get; set; }
    public string? EligibilityDescription { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? FeesDescription { get; set; }
    public string? ApplicationProcess { get; set; }

    /// <summary>The ward it serves, or null for a borough-wide service.</summary>
    public int? WardId { get; set; }

    public DateTime LastModified { get; set; }
}

/// <summary>An HSDS location: a place (physical), an address for post, or a website (virtual).</summary>
public sealed class DirectoryLocation
{
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string LocationType { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public int? WardId { get; set; }
}

/// <summary>An HSDS service_at_location: a service delivered at a location.</summary>
public sealed class DirectoryServiceAtLocation
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }
    public string? Description { get; set; }
}

/// <summary>An HSDS contact (a named person or role) of a service or organization.</summary>
public sealed class DirectoryContact
{
    public Guid Id { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
}

/// <summary>An HSDS phone of a service, organization or contact.</summary>
public sealed class DirectoryPhone
{
    public Guid Id { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ContactId { get; set; }
    public required string Number { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
}

/// <summary>An HSDS schedule (opening times) in the standard's iCalendar-like form: weekly, on some days, from–to.</summary>
public sealed class DirectorySchedule
{
    public Guid Id { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public string? Freq { get; set; }

    /// <summary>Days as HSDS spells them (iCalendar BYDAY): "MO,TU,WE".</summary>
    public string? ByDay { get; set; }

    /// <summary>"09:00".</summary>
    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }
    public string? Description { get; set; }
}

/// <summary>An HSDS taxonomy (a vocabulary of needs), for example the Open Referral UK needs list.</summary>
public sealed class DirectoryTaxonomy
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }
}

/// <summary>An HSDS taxonomy_term: one need in a taxonomy.</summary>
public sealed class DirectoryTaxonomyTerm
{
    public Guid Id { get; set; }
    public Guid? TaxonomyId { get; set; }
    public Guid? ParentId { get; set; }
    public string? Code { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
}

/// <summary>An HSDS attribute linking a service to a taxonomy term (the service meets this need).</summary>
public sealed class DirectoryServiceTerm
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid TaxonomyTermId { get; set; }
}

/// <summary>Every change to a directory entry, kept as its history: by import, by staff, or by an accepted correction.</summary>
public sealed class DirectoryChange
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTime At { get; set; }

    /// <summary>"import", "staff", or "correction 12".</summary>
    public required string Source { get; set; }
}

internal sealed class DirectoryOrganizationConfiguration : IEntityTypeConfiguration<DirectoryOrganization>
{
    public void Configure(EntityTypeBuilder<DirectoryOrganization> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(DirectoryLimits.Name);
        builder.Property(o => o.AlternateName).HasMaxLength(DirectoryLimits.Name);
        builder.Property(o => o.Description).HasMaxLength(DirectoryLimits.Text);
        builder.Property(o => o.Email).HasMaxLength(DirectoryLimits.Email);
        builder.Property(o => o.Website).HasMaxLength(DirectoryLimits.Url);
    }
}

internal sealed class DirectoryServiceConfiguration : IEntityTypeConfiguration<DirectoryService>
{
    public void Configure(EntityTypeBuilder<DirectoryService> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(DirectoryLimits.Name);
        builder.Property(s => s.AlternateName).HasMaxLength(DirectoryLimits.Name);
        builder.Property(s => s.Description).HasMaxLength(DirectoryLimits.Text);
        builder.Property(s => s.Url).HasMaxLength(DirectoryLimits.Url);
        builder.Property(s => s.Email).HasMaxLength(DirectoryLimits.Email);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.EligibilityDescription).HasMaxLength(DirectoryLimits.Text);
        builder.Property(s => s.FeesDescription).HasMaxLength(DirectoryLimits.Text);
        builder.Property(s => s.ApplicationProcess).HasMaxLength(DirectoryLimits.Text);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ward>().WithMany().HasForeignKey(s => s.WardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectoryLocationConfiguration : IEntityTypeConfiguration<DirectoryLocation>
{
    public void Configure(EntityTypeBuilder<DirectoryLocation> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.LocationType).HasMaxLength(10);
        builder.Property(l => l.Name).HasMaxLength(DirectoryLimits.Name);
        builder.Property(l => l.Description).HasMaxLength(DirectoryLimits.Text);
        builder.Property(l => l.Address1).HasMaxLength(DirectoryLimits.Name);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.Property(l => l.PostalCode).HasMaxLength(10);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ward>().WithMany().HasForeignKey(l => l.WardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectoryServiceAtLocationConfiguration : IEntityTypeConfiguration<DirectoryServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<DirectoryServiceAtLocation> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Description).HasMaxLength(DirectoryLimits.Text);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryLocation>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryContactConfiguration : IEntityTypeConfiguration<DirectoryContact>
{
    public void Configure(EntityTypeBuilder<DirectoryContact> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(DirectoryLimits.Name);
        builder.Property(c => c.Title).HasMaxLength(DirectoryLimits.Name);
        builder.Property(c => c.Email).HasMaxLength(DirectoryLimits.Email);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryPhoneConfiguration : IEntityTypeConfiguration<DirectoryPhone>
{
    public void Configure(EntityTypeBuilder<DirectoryPhone> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(30);
        builder.Property(p => p.Type).HasMaxLength(20);
        builder.Property(p => p.Description).HasMaxLength(DirectoryLimits.Name);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryOrganization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryContact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryScheduleConfiguration : IEntityTypeConfiguration<DirectorySchedule>
{
    public void Configure(EntityTypeBuilder<DirectorySchedule> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Freq).HasMaxLength(10);
        builder.Property(s => s.ByDay).HasMaxLength(30);
        builder.Property(s => s.OpensAt).HasMaxLength(8);
        builder.Property(s => s.ClosesAt).HasMaxLength(8);
        builder.Property(s => s.Description).HasMaxLength(DirectoryLimits.Name);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryServiceAtLocation>().WithMany().HasForeignKey(s => s.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryTaxonomyConfiguration : IEntityTypeConfiguration<DirectoryTaxonomy>
{
    public void Configure(EntityTypeBuilder<DirectoryTaxonomy> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(DirectoryLimits.Name);
        builder.Property(t => t.Description).HasMaxLength(DirectoryLimits.Text);
        builder.Property(t => t.Uri).HasMaxLength(DirectoryLimits.Url);
        builder.Property(t => t.Version).HasMaxLength(20);
    }
}

internal sealed class DirectoryTaxonomyTermConfiguration : IEntityTypeConfiguration<DirectoryTaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<DirectoryTaxonomyTerm> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Code).HasMaxLength(50);
        builder.Property(t => t.Name).HasMaxLength(DirectoryLimits.Name);
        builder.Property(t => t.Description).HasMaxLength(DirectoryLimits.Text);
        builder.HasOne<DirectoryTaxonomy>().WithMany().HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DirectoryTaxonomyTerm>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectoryServiceTermConfiguration : IEntityTypeConfiguration<DirectoryServiceTerm>
{
    public void Configure(EntityTypeBuilder<DirectoryServiceTerm> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryTaxonomyTerm>().WithMany().HasForeignKey(t => t.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.ServiceId, t.TaxonomyTermId }).IsUnique();
    }
}

internal sealed class DirectoryChangeConfiguration : IEntityTypeConfiguration<DirectoryChange>
{
    public void Configure(EntityTypeBuilder<DirectoryChange> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(50);
        builder.Property(c => c.OldValue).HasMaxLength(DirectoryLimits.Text);
        builder.Property(c => c.NewValue).HasMaxLength(DirectoryLimits.Text);
        builder.Property(c => c.Source).HasMaxLength(50);
        builder.HasOne<DirectoryService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ServiceId, c.At });
    }
}

/// <summary>The lengths the database keeps and the import checks; longer text is refused, never cut short.</summary>
public static class DirectoryLimits
{
    public const int Name = 200;
    public const int Text = 4000;
    public const int Email = 254;
    public const int Url = 500;
    public const int Comment = 2000;
}
