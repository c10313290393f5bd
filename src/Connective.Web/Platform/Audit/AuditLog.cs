using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Platform.Audit;

/// <summary>What an audit entry records as the action.</summary>
public static class AuditActions
{
    public const string ViewedResident = "ViewedResident";
    public const string ViewedResidentApi = "ViewedResidentApi";
    public const string ViewedWardResidentList = "ViewedWardResidentList";

    /// <summary>A coordinator listed the residents without a login (names shown, so audited; no one resident is the subject).</summary>
    public const string ViewedOfflineResidentList = "ViewedOfflineResidentList";

    /// <summary>A coordinator created a record for a resident who has no login.</summary>
    public const string CreatedOfflineResident = "CreatedOfflineResident";

    /// <summary>A coordinator recorded consent a resident gave on the phone.</summary>
    public const string RecordedPhoneConsent = "RecordedPhoneConsent";

    /// <summary>A coordinator began acting for a resident, with the resident's consent.</summary>
    public const string ActedOnBehalf = "ActedOnBehalf";

    /// <summary>A coordinator tried to act for a resident who has not consented; nothing was done.</summary>
    public const string ActOnBehalfRefused = "ActOnBehalfRefused";

    /// <summary>Everything held about a person was downloaded (by them, or for them).</summary>
    public const string ExportedPersonalData = "ExportedPersonalData";

    /// <summary>A person was erased; the row keeps only their former internal ids.</summary>
    public const string ErasedPerson = "ErasedPerson";

    /// <summary>A safeguarding lead opened an enquiry about a resident (recorded under that enquiry, so withheld from the person while it is open).</summary>
    public const string OpenedEnquiry = "OpenedEnquiry";

    /// <summary>A safeguarding lead closed an enquiry; from then on its accesses are shown to the person by role.</summary>
    public const string ClosedEnquiry = "ClosedEnquiry";

    /// <summary>Account events: who signed in, who failed, who was locked out, who asked for or used a password reset.</summary>
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string PasswordResetRequested = "PasswordResetRequested";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordResetFailed = "PasswordResetFailed";
    public const string SignedOut = "SignedOut";

    /// <summary>Someone tried to sign up with an address that already has an account; its owner was mailed.</summary>
    public const string SignUpWithRegisteredAddress = "SignUpWithRegisteredAddress";

    /// <summary>A coordinator searched residents by name (the search text is not kept: it is personal data).</summary>
    public const string SearchedResidents = "SearchedResidents";

    /// <summary>A coordinator asked for the ranked helpers for a request (names shown).</summary>
    public const string RankedHelpers = "RankedHelpers";

    /// <summary>An admin searched the audit log.</summary>
    public const string SearchedAuditLog = "SearchedAuditLog";

    /// <summary>An admin sent failed mail again (the reason lists how many messages).</summary>
    public const string RetriedMail = "RetriedMail";

    /// <summary>An operator created an account at the server (`admin create`); the actor is "command-line:" and the OS user.</summary>
    public const string AccountCreatedFromCommandLine = "AccountCreatedFromCommandLine";

    /// <summary>An officer published an upload to an open dataset (the reason names the dataset, the file and the rows).</summary>
    public const string UploadedOpenData = "UploadedOpenData";

    public const string RoleGranted = "RoleGranted";
    public const string RoleRevoked = "RoleRevoked";
}

/// <summary>The optional parts of an audit entry beyond actor, action and subject.</summary>
public sealed record AuditDetails(
    int? OnBehalfOfResidentId = null, string? SubjectAccountId = null, AuditBasis Basis = AuditBasis.Routine, long? EnquiryId = null);

/// <summary>Writes the audit log: one row an action, actor and subject by internal id only.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider time, UserManager<ConnectiveUser> users)
{
    public Task RecordAsync(ClaimsPrincipal actor, string action, int? subjectResidentId, string? reason, CancellationToken cancellationToken) =>
        RecordAsync(actor, action, subjectResidentId, reason, new AuditDetails(), cancellationToken);

    public async Task RecordAsync(ClaimsPrincipal actor, string action, int? subjectResidentId, string? reason, AuditDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(details);
        var actorId = users.GetUserId(actor) ?? throw new InvalidOperationException("Only a signed-in person's actions are audited.");
        var role = ActingRole(actor);
        if (details.Basis == AuditBasis.Routine && subjectResidentId is { } subject && role == Roles.SafeguardingLead
            && await db.AuditEnquiries.AsNoTracking().Where(enquiry => enquiry.SubjectResidentId == subject && enquiry.ClosedAt == null)
                .OrderBy(enquiry => enquiry.Id).Select(enquiry => new { enquiry.Id, enquiry.Basis }).FirstOrDefaultAsync(cancellationToken) is { } open)
        {
            // A safeguarding lead looking at someone under an open enquiry is doing that enquiry's work, whichever page
            // or endpoint they use: recorded under it, and so withheld from the person until it closes.
            details = details with { Basis = open.Basis, EnquiryId = open.Id };
            reason = string.IsNullOrWhiteSpace(reason) ? $"Under enquiry {open.Id}" : reason;
        }
        if (details.Basis != AuditBasis.Routine && (string.IsNullOrWhiteSpace(reason) || details.EnquiryId is null))
        {
            throw new ArgumentException("An access for a safeguarding enquiry or under a legal exemption needs its enquiry and a recorded reason.", nameof(details));
        }
        if (details.EnquiryId is { } enquiryId && !await db.AuditEnquiries.AnyAsync(enquiry => enquiry.Id == enquiryId && enquiry.Basis == details.Basis, cancellationToken))
        {
            throw new ArgumentException($"There is no {details.Basis} enquiry {enquiryId}.", nameof(details));
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            ActorRole = role,
            Action = action,
            SubjectResidentId = subjectResidentId,
            Reason = reason,
            OnBehalfOfResidentId = details.OnBehalfOfResidentId,
            SubjectAccountId = details.SubjectAccountId,
            Basis = details.Basis,
            EnquiryId = details.EnquiryId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One routine entry per person a list showed, written in one save (a list of hundreds would otherwise cost hundreds
    /// of round trips). As in <see cref="RecordAsync(ClaimsPrincipal, string, int?, string?, AuditDetails, CancellationToken)"/>,
    /// a safeguarding lead's view of someone under an open enquiry is recorded under that enquiry.
    /// </summary>
    public async Task RecordEachAsync(ClaimsPrincipal actor, string action, IEnumerable<int> subjectResidentIds, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subjectResidentIds);
        var actorId = users.GetUserId(actor) ?? throw new InvalidOperationException("Only a signed-in person's actions are audited.");
        var role = ActingRole(actor);
        var subjects = subjectResidentIds.Distinct().ToList();
        if (subjects.Count == 0)
        {
            return;
        }
        var underEnquiry = new Dictionary<int, (long Id, AuditBasis Basis)>();
        if (role == Roles.SafeguardingLead)
        {
            var open = await db.AuditEnquiries.AsNoTracking()
                .Where(enquiry => enquiry.ClosedAt == null && enquiry.SubjectResidentId != null && subjects.Contains(enquiry.SubjectResidentId.Value))
                .OrderBy(enquiry => enquiry.Id).Select(enquiry => new { Subject = enquiry.SubjectResidentId!.Value, enquiry.Id, enquiry.Basis })
                .ToListAsync(cancellationToken);
            foreach (var enquiry in open)
            {
                underEnquiry.TryAdd(enquiry.Subject, (enquiry.Id, enquiry.Basis));
            }
        }
        var at = time.GetUtcNow().UtcDateTime;
        db.AuditEntries.AddRange(subjects.Select(subject => underEnquiry.TryGetValue(subject, out var enquiry)
            ? new AuditEntry { At = at, ActorId = actorId, ActorRole = role, Action = action, SubjectResidentId = subject, Reason = reason, Basis = enquiry.Basis, EnquiryId = enquiry.Id }
            : new AuditEntry { At = at, ActorId = actorId, ActorRole = role, Action = action, SubjectResidentId = subject, Reason = reason }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The actor of an account event when no account matched the address given (the address itself is not kept).</summary>
    public const string UnknownAccount = "unknown";

    /// <summary>
    /// An account event (sign-in, failure, lockout, password reset) recorded before or without a session: the actor and the
    /// subject are the account concerned (<see cref="UnknownAccount"/> when none matched). No resident id, so the
    /// person's "who looked at my data" never lists their own sign-ins; admins find them by account id.
    /// </summary>
    public async Task AccountEventAsync(string action, string? accountId, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = accountId ?? UnknownAccount,
            ActorRole = "None",
            Action = action,
            SubjectAccountId = accountId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A role given to an account: the account (and its resident record, if any) go in their id columns; the reason
    /// says only the role and where, e.g. "Helper in ward E05000001", never an id, a name or an e-mail address.
    /// </summary>
    public Task RoleGrantedAsync(ClaimsPrincipal actor, string accountId, int? residentId, string role, string? wardCode, CancellationToken cancellationToken) =>
        RecordAsync(actor, AuditActions.RoleGranted, residentId, RoleAndWhere(role, wardCode), new AuditDetails(SubjectAccountId: accountId), cancellationToken);

    /// <summary>A role taken from an account, recorded as <see cref="RoleGrantedAsync"/> is.</summary>
    public Task RoleRevokedAsync(ClaimsPrincipal actor, string accountId, int? residentId, string role, string? wardCode, CancellationToken cancellationToken) =>
        RecordAsync(actor, AuditActions.RoleRevoked, residentId, RoleAndWhere(role, wardCode), new AuditDetails(SubjectAccountId: accountId), cancellationToken);

    private static string RoleAndWhere(string role, string? wardCode) => wardCode is null ? $"{role} borough-wide" : $"{role} in ward {wardCode}";

    /// <summary>
    /// Opens an enquiry about a resident that accesses can then be recorded under, and audits the opening under the
    /// enquiry itself (naming the person is already an access). The reason is kept for the audit, never shown to the person.
    /// </summary>
    public async Task<long> OpenEnquiryAsync(ClaimsPrincipal actor, AuditBasis basis, string reason, int? subjectResidentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (basis == AuditBasis.Routine)
        {
            throw new ArgumentException("Routine work needs no enquiry.", nameof(basis));
        }
        var enquiry = new AuditEnquiry
        {
            Basis = basis,
            Reason = reason.Trim(),
            OpenedBy = users.GetUserId(actor) ?? throw new InvalidOperationException("Only a signed-in person can open an enquiry."),
            OpenedAt = time.GetUtcNow().UtcDateTime,
            SubjectResidentId = subjectResidentId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AuditEnquiries.Add(enquiry);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(actor, AuditActions.OpenedEnquiry, subjectResidentId, enquiry.Reason, new AuditDetails(Basis: basis, EnquiryId: enquiry.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return enquiry.Id;
    }

    /// <summary>
    /// Closes an open enquiry: from now on the person it concerned sees its accesses, by role only. Returns false when
    /// there is no such open enquiry. The closing row names the enquiry, not the person, so the person is not shown it twice.
    /// </summary>
    public async Task<bool> CloseEnquiryAsync(ClaimsPrincipal actor, long enquiryId, CancellationToken cancellationToken)
    {
        var enquiry = await db.AuditEnquiries.FindAsync([enquiryId], cancellationToken);
        if (enquiry is null || enquiry.ClosedAt is not null)
        {
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        enquiry.ClosedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(actor, AuditActions.ClosedEnquiry, null, "Closed", new AuditDetails(Basis: enquiry.Basis, EnquiryId: enquiry.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The most specific staff role the actor holds, so the log says in which capacity they looked.</summary>
    public static string ActingRole(ClaimsPrincipal actor) =>
        new[] { Roles.SafeguardingLead, Roles.Practitioner, Roles.Coordinator, Roles.Admin, Roles.ServiceManager, Roles.BudgetOfficer, Roles.Helper, Roles.Resident }
            .FirstOrDefault(actor.IsInRole) ?? "None";
}
