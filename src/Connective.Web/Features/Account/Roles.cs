using Connective.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connective.Web.Features.Account;

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

/// <summary>
/// One shared account per role in the demo borough, with a password printed on the sign-in page of a demo database.
/// Written by the demo seeder inside its transaction, so a real database never has them.
/// </summary>
internal static class DemoAccounts
{
    public const string Password = "demo-borough-password";

    public static string EmailFor(string role) => role.ToLowerInvariant() + "@demo.connective.example";

    public static async Task<int> WriteAsync(AppDbContext db, int residentId, CancellationToken cancellationToken)
    {
        var hasher = new PasswordHasher<ConnectiveUser>();
        var rows = 0;
        foreach (var role in Roles.All)
        {
            var email = EmailFor(role);
            var user = new ConnectiveUser
            {
                Id = "demo-" + role.ToLowerInvariant(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                IsDemoAccount = true,
                ResidentId = role == Roles.Resident ? residentId : null,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = Roles.IdOf(role) });
            rows += 2;
        }
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }
}
