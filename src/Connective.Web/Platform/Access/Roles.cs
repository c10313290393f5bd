using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Platform.Access;

/// <summary>The roles a person can hold; several at once.</summary>
public static class Roles
{
    public const string Resident = nameof(Resident);
    public const string Helper = nameof(Helper);
    public const string Coordinator = nameof(Coordinator);
    public const string Practitioner = nameof(Practitioner);
    public const string SafeguardingLead = nameof(SafeguardingLead);
    public const string BudgetOfficer = nameof(BudgetOfficer);
    public const string ServiceManager = nameof(ServiceManager);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
        [Resident, Helper, Coordinator, Practitioner, SafeguardingLead, BudgetOfficer, ServiceManager, Admin];

    /// <summary>Roles that may open a named person's pages.</summary>
    public static readonly IReadOnlyList<string> SeeNamedPeople = [Practitioner, Coordinator, SafeguardingLead, Admin];

    /// <summary>The role's stable id in AspNetRoles: the same in every database, so migrations and seeding agree.</summary>
    public static string IdOf(string role) => "role-" + role.ToUpperInvariant();
}

/// <summary>The authorization policies pages and endpoints ask for by name.</summary>
public static class Policies
{
    /// <summary>Staff who may see a named person's data.</summary>
    public const string Staff = nameof(Staff);

    public const string Admin = nameof(Admin);

    /// <summary>Safeguarding leads: open and close safeguarding enquiries.</summary>
    public const string SafeguardingLead = nameof(SafeguardingLead);

    /// <summary>
    /// Signed in, or confirmed it was them, within the last five minutes: every export asks for it. The accounts area
    /// registers it (it reads the sign-in facts), so other areas name it here without depending on that area.
    /// </summary>
    public const string RecentSignIn = nameof(RecentSignIn);
}

/// <summary>Every role exists in every database (created by the migrations), so role checks never depend on seeding.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole
        {
            Id = Roles.IdOf(role),
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = Roles.IdOf(role),
        }));
}
