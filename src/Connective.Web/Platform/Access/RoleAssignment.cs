using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Platform.Access;

/// <summary>
/// Where an account holds a role: in one ward, or (WardId null) the whole borough. The account's Identity role
/// (AspNetUserRoles) says that it holds the role at all, and keeps role claims working; these rows say where. A role
/// held with no row here is borough-wide, so accounts that only ever had an Identity role keep the meaning they had.
/// </summary>
public sealed class RoleAssignment
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Role { get; set; }

    /// <summary>The ward the role applies to, or null for the whole borough.</summary>
    public int? WardId { get; set; }

    public DateTime GrantedAt { get; set; }

    /// <summary>The account id of the admin who granted it, or "demo" for the demo borough's accounts.</summary>
    public required string GrantedBy { get; set; }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("RoleAssignments");
        builder.Property(assignment => assignment.UserId).HasMaxLength(450);
        builder.Property(assignment => assignment.Role).HasMaxLength(64);
        builder.Property(assignment => assignment.GrantedBy).HasMaxLength(450);
        // Erasing or deleting an account takes its roles with it; a ward is never deleted while roles point at it.
        builder.HasOne<ConnectiveUser>().WithMany().HasForeignKey(assignment => assignment.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Ward>().WithMany().HasForeignKey(assignment => assignment.WardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(assignment => new { assignment.UserId, assignment.Role, assignment.WardId }).IsUnique();
    }
}
