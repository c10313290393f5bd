using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.DataRights;

/// <summary>One access to a person's data as they are shown it: a role and (for routine work) a date, never a name.</summary>
public sealed record AccessSeen(string Role, DateTime? At, string What, string? Basis);

/// <summary>
/// "Who looked at my data": the audit entries about a person, by role and date. Accesses for a safeguarding enquiry
/// or under a legal exemption are withheld while their enquiry is open (showing them could warn someone the enquiry
/// is about), then shown as the role only, with no date. The person's own actions are left out.
/// </summary>
public sealed class WhoLooked(AppDbContext db)
{
    public async Task<IReadOnlyList<AccessSeen>> ForAsync(int residentId, string? ownAccountId, CancellationToken cancellationToken)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(entry => (entry.SubjectResidentId == residentId || entry.OnBehalfOfResidentId == residentId) && entry.ActorId != ownAccountId)
            .GroupJoin(db.AuditEnquiries, entry => entry.EnquiryId, enquiry => enquiry.Id, (entry, enquiries) => new { entry, enquiries })
            .SelectMany(pair => pair.enquiries.DefaultIfEmpty(), (pair, enquiry) => new
            {
                pair.entry.Id,
                pair.entry.ActorRole,
                pair.entry.At,
                pair.entry.Action,
                pair.entry.Basis,
                EnquiryOpen = enquiry != null && enquiry.ClosedAt == null,
            })
            .Where(row => row.Basis == AuditBasis.Routine || !row.EnquiryOpen)
            .OrderByDescending(row => row.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => row.Basis == AuditBasis.Routine
            ? new AccessSeen(RoleName(row.ActorRole), row.At, Describe(row.Action), null)
            : new AccessSeen(RoleName(row.ActorRole), null, "Looked at your information",
                row.Basis == AuditBasis.SafeguardingEnquiry ? "For a safeguarding enquiry" : "Under a legal exemption"))];
    }

    /// <summary>The role in words, as a resident would say it.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.SafeguardingLead => "Safeguarding lead",
        Roles.BudgetOfficer => "Budget officer",
        Roles.ServiceManager => "Service manager",
        _ => role,
    };

    public static string Describe(string action) => action switch
    {
        AuditActions.ViewedResident or AuditActions.ViewedResidentApi => "Looked at your record",
        AuditActions.ViewedWardResidentList => "Saw you in a list of the ward's residents",
        AuditActions.CreatedOfflineResident => "Created your record",
        AuditActions.RecordedPhoneConsent => "Recorded your consent on the phone",
        AuditActions.ActedOnBehalf => "Acted for you",
        AuditActions.ActOnBehalfRefused => "Tried to act for you, and was refused because you had not agreed",
        AuditActions.ExportedPersonalData => "Downloaded your information for you",
        _ => "Used your information",
    };
}
