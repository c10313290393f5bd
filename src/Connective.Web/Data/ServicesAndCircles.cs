using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Data;

/// <summary>A local service in the directory: council-run or from a community organisation.</summary>
public sealed class Service
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string Category { get; set; }
    public required string Provider { get; set; }

    /// <summary>The ward it is based in, or null for a borough-wide service.</summary>
    public int? WardId { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>A circle: a small group of neighbours who help each other and meet up.</summary>
public sealed class Circle
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public int WardId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A resident's membership of a circle.</summary>
public sealed class CircleMember
{
    public int CircleId { get; set; }
    public int ResidentId { get; set; }
    public bool IsCoordinator { get; set; }
    public DateTime JoinedAt { get; set; }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(service => service.Name).HasMaxLength(200);
        builder.Property(service => service.Description).HasMaxLength(2000);
        builder.Property(service => service.Category).HasMaxLength(100);
        builder.Property(service => service.Provider).HasMaxLength(200);
        builder.Property(service => service.Phone).HasMaxLength(20);
        builder.Property(service => service.Email).HasMaxLength(254);
        builder.HasOne<Ward>().WithMany().HasForeignKey(service => service.WardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CircleConfiguration : IEntityTypeConfiguration<Circle>
{
    public void Configure(EntityTypeBuilder<Circle> builder)
    {
        builder.Property(circle => circle.Name).HasMaxLength(200);
        builder.Property(circle => circle.Description).HasMaxLength(2000);
        builder.HasOne<Ward>().WithMany().HasForeignKey(circle => circle.WardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CircleMemberConfiguration : IEntityTypeConfiguration<CircleMember>
{
    public void Configure(EntityTypeBuilder<CircleMember> builder)
    {
        builder.HasKey(member => new { member.CircleId, member.ResidentId });
        builder.HasOne<Circle>().WithMany().HasForeignKey(member => member.CircleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(member => member.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(member => member.ResidentId);
    }
}
