using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static Connective.Web.Platform.DataRights.PersonalDataExport;

namespace Connective.Web.Platform.DataRights;

/// <summary>
/// The kernel's own records in the download: the account and its roles, the resident record and household, consents,
/// ties, who looked, and messages sent. Ties are read here directly, not through the consented network, because a
/// person is owed every tie held about them whatever they consented to; the other person in a tie is not named or
/// numbered (that is their data).
/// </summary>
internal sealed class PlatformExport(ConsentRecords consents, WhoLooked whoLooked) : IExportParticipant
{
    public IReadOnlyCollection<Type> Exports { get; } =
    [
        typeof(ConnectiveUser), typeof(IdentityUserRole<string>), typeof(RoleAssignment), typeof(Resident), typeof(Consent), typeof(Tie),
        typeof(AuditEntry), typeof(OutboxMessage),
    ];

    public IReadOnlyDictionary<Type, string> Withheld { get; } = new Dictionary<Type, string>
    {
        [typeof(IdentityUserToken<string>)] = "Sign-in secrets (the authenticator key, recovery codes) are not copied into a file that could be lost; the account part says whether two-step sign-in is on.",
        [typeof(IdentityUserPasskey<string>)] = "Passkeys are sign-in credentials held by your device; the account part says whether you have any.",
        [typeof(IdentityUserLogin<string>)] = "Sign-in through another provider is not offered, so there are no such records.",
        [typeof(IdentityUserClaim<string>)] = "Extra sign-in claims are not used, so there are no such records.",
        [typeof(AuditEnquiry)] = "An enquiry into who looked at a record is opened by staff for safeguarding or under a legal exemption; the accesses it covers appear under who looked once the law allows.",
    };

    public async Task<IReadOnlyList<Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var sections = new List<Section>();
        var account = person.AccountId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == person.AccountId, cancellationToken);
        if (account is not null)
        {
            var roles = await db.UserRoles.Where(link => link.UserId == account.Id)
                .Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => role.Name).ToListAsync(cancellationToken);
            var hasPasskey = await db.UserPasskeys.AnyAsync(passkey => passkey.UserId == account.Id, cancellationToken);
            sections.Add(new("account", [Row(
                ("AccountId", account.Id), ("Email", account.Email), ("EmailConfirmed", account.EmailConfirmed),
                ("Roles", string.Join(" ", roles.Order(StringComparer.Ordinal))), ("TwoFactorEnabled", account.TwoFactorEnabled),
                ("LockoutEnd", account.LockoutEnd?.UtcDateTime), ("FailedSignInCount", account.AccessFailedCount), ("HasPasskey", hasPasskey))]));
            sections.Add(new("roles", [.. (await db.RoleAssignments.AsNoTracking().Where(assignment => assignment.UserId == account.Id)
                .OrderBy(assignment => assignment.Id)
                .Select(assignment => new { assignment.Role, assignment.WardId, assignment.GrantedAt })
                .ToListAsync(cancellationToken))
                .Select(assignment => Row(("Role", assignment.Role), ("WardId", assignment.WardId), ("GrantedAt", assignment.GrantedAt)))]));
        }

        var email = account?.Email;
        if (person.ResidentId is { } id && await db.Residents.AsNoTracking().SingleOrDefaultAsync(resident => resident.Id == id, cancellationToken) is { } resident)
        {
            email ??= resident.Email;
            sections.Add(new("resident", [Row(
                ("ResidentId", resident.Id), ("GivenName", resident.GivenName), ("FamilyName", resident.FamilyName),
                ("BirthYear", resident.BirthYear), ("Email", resident.Email), ("Phone", resident.Phone), ("HasAccount", resident.HasAccount),
                ("Latitude", resident.Latitude), ("Longitude", resident.Longitude))]));
            var household = await db.Households.AsNoTracking().Where(household => household.Id == resident.HouseholdId)
                .Join(db.Wards, household => household.WardId, ward => ward.Id, (household, ward) => new { household, ward.Code, ward.Name })
                .SingleAsync(cancellationToken);
            sections.Add(new("household", [Row(
                ("HouseholdId", household.household.Id), ("AddressLine", household.household.AddressLine), ("Postcode", household.household.Postcode),
                ("WardCode", household.Code), ("WardName", household.Name),
                ("PeopleOnRecordThere", await db.Residents.CountAsync(other => other.HouseholdId == resident.HouseholdId, cancellationToken)))]));
            sections.Add(new("consents", [.. (await consents.HistoryAsync(id, cancellationToken)).Select(consent => Row(
                ("Purpose", consent.Purpose.ToString()), ("GivenAt", consent.GivenAt), ("Method", consent.Method.ToString()),
                ("RecordedBy", consent.RecordedBy), ("ScriptVersion", consent.ScriptVersion), ("WithdrawnAt", consent.WithdrawnAt), ("WithdrawnBy", consent.WithdrawnBy)))]));
            sections.Add(new("ties", [.. (await db.Ties.AsNoTracking()
                .Where(tie => tie.PersonAId == id || tie.PersonBId == id)
                .OrderBy(tie => tie.Id)
                .Select(tie => new { tie.Kind, tie.Source, tie.Weight, tie.CreatedAt })
                .ToListAsync(cancellationToken))
                .Select(tie => Row(("Kind", tie.Kind.ToString()), ("Source", tie.Source.ToString()), ("Weight", tie.Weight), ("CreatedAt", tie.CreatedAt)))]));
            sections.Add(new("who-looked", [.. (await whoLooked.ForAsync(id, person.AccountId, cancellationToken))
                .Select(access => Row(("Role", access.Role), ("At", access.At), ("What", access.What), ("Basis", access.Basis)))]));
        }

        sections.Add(new("messages", [.. (await db.OutboxMessages.AsNoTracking()
            .Where(message => (person.ResidentId != null && message.RecipientResidentId == person.ResidentId) || (email != null && message.To == email))
            .OrderBy(message => message.Id)
            .ToListAsync(cancellationToken))
            .Select(message => Row(("Kind", message.Kind.ToString()), ("To", message.To), ("Subject", message.Subject), ("Body", message.Body),
                ("Link", message.Link), ("CreatedAt", message.CreatedAt)))]));
        return sections;
    }
}
