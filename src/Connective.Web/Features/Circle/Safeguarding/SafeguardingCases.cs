using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Safeguarding;

/// <summary>What the safeguarding audit entries record as the action.</summary>
public static class SafeguardingAuditActions
{
    public const string Raised = "SafeguardingConcernRaised";
    public const string Viewed = "SafeguardingConcernViewed";
    public const string NoteAdded = "SafeguardingNoteAdded";
    public const string StatusChanged = "SafeguardingStatusChanged";
    public const string Referred = "SafeguardingReferralRecorded";
    public const string HelperRemoved = "SafeguardingHelperRemoved";
    public const string HelperReinstated = "SafeguardingHelperReinstated";
}

public sealed record ConcernSummary(long Id, ConcernStatus Status, int? AboutResidentId, string? AboutName, long? AboutTaskId, DateTime RaisedAt, DateTime UpdatedAt);

public sealed record ConcernNote(string AuthorUserId, string Text, DateTime At, string AuthorName);

public sealed record ConcernReferral(ReferralAgency Agency, string Reference, DateTime ReferredAt, int? RemovedHelperResidentId, string? RemovedHelperName = null);

/// <summary>A concern as the lead reads it; <c>RaisedByName</c> is the reporter's name (or their e-mail address when the account has no resident record).</summary>
public sealed record ConcernDetail(ConcernSummary Concern, string Description, string RaisedByUserId, IReadOnlyList<ConcernNote> Notes,
    IReadOnlyList<ConcernReferral> Referrals, string RaisedByName = "");

/// <summary>The fields of a new concern.</summary>
public sealed record NewConcern([property: Required, StringLength(4000, MinimumLength = 1)] string? Description, [property: Range(1, int.MaxValue)] int? AboutResidentId = null, [property: Range(1, long.MaxValue)] long? AboutTaskId = null);

/// <summary>
/// A referral, and optionally the removal of the helper it concerns, confirmed by typing the helper's full name (a
/// mistyped resident number would otherwise suspend the wrong person).
/// </summary>
public sealed record NewReferral(ReferralAgency? Agency, [property: Required, StringLength(100, MinimumLength = 1)] string? Reference,
    [property: Range(1, int.MaxValue)] int? RemoveHelperResidentId = null, [property: StringLength(SafeguardingCases.MaxName)] string? ConfirmHelperName = null);

/// <summary>The safeguarding lead's lifting of a removal for harm made under a concern, confirmed by the helper's full name.</summary>
public sealed record HelperReinstatement([property: Range(1, int.MaxValue)] int HelperResidentId,
    [property: Required, StringLength(SafeguardingCases.MaxName, MinimumLength = 1)] string? ConfirmHelperName);

/// <summary>
/// Safeguarding concerns: anyone signed in raises one; only the safeguarding lead reads and handles them (callers
/// check the role). Every step is written to the audit log by internal ids, never with the concern's words.
/// </summary>
public sealed class SafeguardingCases(AppDbContext db, TimeProvider time, AuditLog audit, UserManager<ConnectiveUser> users, CircleTasks tasks)
{
    public const int MaxText = 4000;
    public const int MaxName = 200;

    public const string ConfirmNameMessage = "Type the helper's full name, as their record gives it, to confirm who is removed";
    public const string ConfirmReinstatementNameMessage = "Type the helper's full name, as their record gives it, to confirm who is reinstated";
    public const string NotRemovedHereMessage = "Enter the resident number of a helper removed for harm under this concern";

    public async Task<(long? Id, IReadOnlyDictionary<string, string> Errors)> RaiseAsync(ClaimsPrincipal user, NewConcern input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = users.GetUserId(user) ?? throw new InvalidOperationException("Only a signed-in person can raise a concern.");
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Trim().Length > MaxText)
        {
            errors["Description"] = "Describe what worried you, in up to 4,000 characters";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var concern = new SafeguardingConcern
        {
            RaisedByUserId = userId,
            AboutResidentId = input.AboutResidentId,
            AboutTaskId = input.AboutTaskId,
            Description = input.Description!.Trim(),
            Status = ConcernStatus.New,
            RaisedAt = now,
            UpdatedAt = now,
        };
        db.SafeguardingConcerns.Add(concern);
        await db.SaveChangesAsync(ct);
        var basis = await UnderConcernAsync(user, concern.Id, concern.AboutResidentId, ct);
        await audit.RecordAsync(user, SafeguardingAuditActions.Raised, input.AboutResidentId, $"concern {concern.Id}", basis, ct);
        return (concern.Id, errors);
    }

    /// <summary>The queue: open concerns first (new, then investigating, then referred), oldest first; closed ones last.</summary>
    public async Task<IReadOnlyList<ConcernSummary>> QueueAsync(bool includeClosed, CancellationToken ct) =>
        await Summaries(db.SafeguardingConcerns.AsNoTracking()
            .Where(concern => includeClosed || concern.Status != ConcernStatus.Closed)
            .OrderBy(concern => concern.Status).ThenBy(concern => concern.RaisedAt).ThenBy(concern => concern.Id)
            .Take(500))
            .ToListAsync(ct);

    /// <summary>One concern with its notes and referrals; reading it is audited.</summary>
    public async Task<ConcernDetail?> DetailAsync(ClaimsPrincipal lead, long id, CancellationToken ct)
    {
        var summary = await Summaries(db.SafeguardingConcerns.AsNoTracking().Where(concern => concern.Id == id)).SingleOrDefaultAsync(ct);
        if (summary is null)
        {
            return null;
        }
        var concern = await db.SafeguardingConcerns.AsNoTracking().Where(concern => concern.Id == id)
            .Select(concern => new { concern.Description, concern.RaisedByUserId }).SingleAsync(ct);
        var notes = await db.SafeguardingNotes.AsNoTracking().Where(note => note.ConcernId == id).OrderBy(note => note.At).ThenBy(note => note.Id)
            .Select(note => new ConcernNote(note.AuthorUserId, note.Text, note.At, "")).ToListAsync(ct);
        var referrals = await db.SafeguardingReferrals.AsNoTracking().Where(referral => referral.ConcernId == id)
            .OrderBy(referral => referral.ReferredAt).ThenBy(referral => referral.Id)
            .Select(referral => new ConcernReferral(referral.Agency, referral.Reference, referral.ReferredAt, referral.RemovedHelperResidentId,
                db.Residents.Where(resident => resident.Id == referral.RemovedHelperResidentId).Select(resident => resident.GivenName + " " + resident.FamilyName).FirstOrDefault()))
            .ToListAsync(ct);
        var names = await AccountNamesAsync([concern.RaisedByUserId, .. notes.Select(note => note.AuthorUserId)], ct);
        await audit.RecordAsync(lead, SafeguardingAuditActions.Viewed, summary.AboutResidentId, $"concern {id}",
            await UnderConcernAsync(lead, id, summary.AboutResidentId, ct), ct);
        return new ConcernDetail(summary, concern.Description, concern.RaisedByUserId, [.. notes.Select(note => note with { AuthorName = names[note.AuthorUserId] })],
            referrals, names[concern.RaisedByUserId]);
    }

    /// <summary>
    /// What the lead reads where an account id would otherwise stand: the resident's name, or the account's e-mail address
    /// for staff without a resident record, or "an erased account".
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> AccountNamesAsync(IReadOnlyCollection<string> accountIds, CancellationToken ct)
    {
        var distinct = accountIds.Distinct().ToList();
        var found = await db.Users.AsNoTracking().Where(user => distinct.Contains(user.Id))
            .Select(user => new
            {
                user.Id,
                user.Email,
                Name = db.Residents.Where(resident => resident.Id == user.ResidentId).Select(resident => resident.GivenName + " " + resident.FamilyName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return distinct.ToDictionary(id => id, id => found.SingleOrDefault(user => user.Id == id) is { } user
            ? user.Name ?? user.Email ?? "an account with no name"
            : "an erased account");
    }

    public async Task<string?> AddNoteAsync(ClaimsPrincipal lead, long id, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText)
        {
            return "Enter a note of up to 4,000 characters";
        }
        var concern = await db.SafeguardingConcerns.SingleOrDefaultAsync(concern => concern.Id == id, ct);
        if (concern is null)
        {
            return "There is no such concern";
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.SafeguardingNotes.Add(new SafeguardingNote { ConcernId = id, AuthorUserId = users.GetUserId(lead)!, Text = text.Trim(), At = now });
        concern.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(lead, SafeguardingAuditActions.NoteAdded, concern.AboutResidentId, $"concern {id}",
            await UnderConcernAsync(lead, id, concern.AboutResidentId, ct), ct);
        return null;
    }

    public async Task<bool> SetStatusAsync(ClaimsPrincipal lead, long id, ConcernStatus status, CancellationToken ct)
    {
        var concern = await db.SafeguardingConcerns.SingleOrDefaultAsync(concern => concern.Id == id, ct);
        if (concern is null || !Enum.IsDefined(status))
        {
            return false;
        }
        var before = concern.Status;
        concern.Status = status;
        concern.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(lead, SafeguardingAuditActions.StatusChanged, concern.AboutResidentId, $"concern {id}: {before} to {status}",
            await UnderConcernAsync(lead, id, concern.AboutResidentId, ct), ct);
        if (status == ConcernStatus.Closed && await OpenEnquiryOfAsync(id, ct) is { } enquiryId)
        {
            // From now on the people concerned see these accesses, by role only and undated.
            await audit.CloseEnquiryAsync(lead, enquiryId, ct);
        }
        return true;
    }

    /// <summary>
    /// Records a referral. With a helper to remove, the helper is suspended through Circle's suspension (every task offered
    /// to or accepted by them is withdrawn, accepted ones go back out to others), loses the Helper role on every account
    /// linked to them, and the referral names them; the record is kept when their other data is erased. The suspension
    /// comes first, so that if anything after it fails the helper is stopped rather than left working without a record.
    /// Returns each problem by field name.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ReferAsync(ClaimsPrincipal lead, long id, NewReferral input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var concern = await db.SafeguardingConcerns.SingleOrDefaultAsync(concern => concern.Id == id, ct);
        if (concern is null)
        {
            errors["Concern"] = "There is no such concern";
            return errors;
        }
        if (input.Agency is not { } agency || !Enum.IsDefined(agency))
        {
            errors["Agency"] = "Select who the referral was made to";
        }
        if (string.IsNullOrWhiteSpace(input.Reference) || input.Reference.Trim().Length > 100)
        {
            errors["Reference"] = "Enter the reference the agency gave, in up to 100 characters";
        }
        if (input.RemoveHelperResidentId is { } helper && !await IsHelperConnectedToAsync(concern, helper, ct))
        {
            // Removal for harm suspends someone and takes their role: only a helper the concern is about (the person
            // named, or the helper offered the task it is about) can be removed through it.
            errors["RemoveHelperResidentId"] = "Enter the resident number of a helper this concern is about: the person it names or who raised it, or the helper of the task it is about";
        }
        else if (input.RemoveHelperResidentId is { } named && !await NameMatchesAsync(named, input.ConfirmHelperName, ct))
        {
            errors["ConfirmHelperName"] = ConfirmNameMessage;
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (input.RemoveHelperResidentId is { } suspended && await db.HelperProfiles.AnyAsync(helper => helper.ResidentId == suspended, ct))
        {
            var reason = $"Removed for harm: safeguarding concern {id}, referred to {input.Agency} ({input.Reference!.Trim()}).";
            var outcome = await tasks.SuspendHelperAsync(suspended, reason, ct);
            await audit.RecordAsync(lead, CircleAuditActions.SuspendedHelper, suspended, outcome.Message, await UnderConcernAsync(lead, id, concern.AboutResidentId, ct), ct);
        }
        db.SafeguardingReferrals.Add(new SafeguardingReferral
        {
            ConcernId = id,
            Agency = input.Agency!.Value,
            Reference = input.Reference!.Trim(),
            ReferredAt = now,
            RecordedByUserId = users.GetUserId(lead)!,
            RemovedHelperResidentId = input.RemoveHelperResidentId,
        });
        concern.Status = ConcernStatus.Referred;
        concern.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(lead, SafeguardingAuditActions.Referred, concern.AboutResidentId, $"concern {id}: {input.Agency}",
            await UnderConcernAsync(lead, id, concern.AboutResidentId, ct), ct);
        if (input.RemoveHelperResidentId is { } removed)
        {
            var accounts = await db.Users.Where(user => user.ResidentId == removed).ToListAsync(ct);
            foreach (var account in accounts)
            {
                if (await users.IsInRoleAsync(account, Roles.Helper))
                {
                    await users.RemoveFromRoleAsync(account, Roles.Helper);
                }
            }
            await audit.RecordAsync(lead, SafeguardingAuditActions.HelperRemoved, removed, $"concern {id}: {input.Agency}",
                await UnderConcernAsync(lead, id, concern.AboutResidentId, ct), ct);
        }
        return errors;
    }

    /// <summary>
    /// Lifts a removal for harm made under this concern: only the safeguarding lead (the caller checks the role), only for
    /// a helper a referral of this concern removed, confirmed by the helper's full name. The helper can be offered tasks
    /// again and gets the helper role back; the referral stays on record, so a coordinator still cannot undo a later
    /// suspension of theirs.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ReinstateAsync(ClaimsPrincipal lead, long id, HelperReinstatement input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var concern = await db.SafeguardingConcerns.AsNoTracking().SingleOrDefaultAsync(concern => concern.Id == id, ct);
        if (concern is null)
        {
            errors["Concern"] = "There is no such concern";
            return errors;
        }
        var helper = input.HelperResidentId;
        if (!await db.SafeguardingReferrals.AnyAsync(referral => referral.ConcernId == id && referral.RemovedHelperResidentId == helper, ct)
            || !await db.HelperProfiles.AnyAsync(profile => profile.ResidentId == helper, ct))
        {
            errors["HelperResidentId"] = NotRemovedHereMessage;
            return errors;
        }
        if (!await NameMatchesAsync(helper, input.ConfirmHelperName, ct))
        {
            errors["ConfirmHelperName"] = ConfirmReinstatementNameMessage;
            return errors;
        }
        var outcome = await tasks.LiftSuspensionAsync(helper, ct);
        var accounts = await db.Users.Where(user => user.ResidentId == helper).ToListAsync(ct);
        foreach (var account in accounts)
        {
            if (!await users.IsInRoleAsync(account, Roles.Helper))
            {
                await users.AddToRoleAsync(account, Roles.Helper);
            }
        }
        await audit.RecordAsync(lead, SafeguardingAuditActions.HelperReinstated, helper, $"concern {id}: {outcome.Message}",
            await UnderConcernAsync(lead, id, concern.AboutResidentId, ct), ct);
        return errors;
    }

    /// <summary>
    /// Connected to the concern: the person it names, the person who raised it (through their account), or a helper
    /// offered the task it is about; and a helper at all.
    /// </summary>
    private async Task<bool> IsHelperConnectedToAsync(SafeguardingConcern concern, int helper, CancellationToken ct) =>
        await db.HelperProfiles.AnyAsync(profile => profile.ResidentId == helper, ct)
        && (concern.AboutResidentId == helper
            || await db.Users.AnyAsync(user => user.Id == concern.RaisedByUserId && user.ResidentId == helper, ct)
            || (concern.AboutTaskId is { } task && await db.HelpOffers.AnyAsync(offer => offer.RequestId == task && offer.HelperResidentId == helper, ct)));

    /// <summary>The typed name matches the record's full name, ignoring case, extra spaces and the kind of apostrophe.</summary>
    private async Task<bool> NameMatchesAsync(int residentId, string? typed, CancellationToken ct)
    {
        var name = await db.Residents.AsNoTracking().Where(resident => resident.Id == residentId)
            .Select(resident => resident.GivenName + " " + resident.FamilyName).SingleOrDefaultAsync(ct);
        return name is not null && typed is not null && string.Equals(NormalisedName(name), NormalisedName(typed), StringComparison.OrdinalIgnoreCase);
    }

    internal static string NormalisedName(string name) =>
        string.Join(' ', name.Replace('\u2019', '\'').Replace('\u2018', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>The reason of the safeguarding enquiry that every access in a concern's work is recorded under.</summary>
    public static string EnquiryReason(long concernId) => $"Safeguarding concern {concernId}";

    /// <summary>
    /// Every access made in a concern's work (raising it, reading it, notes, status, referral, removal) is recorded under
    /// the concern's own safeguarding enquiry, opened with the concern (or on first use for an older one), so that
    /// "who looked at my data" withholds it from the people concerned, the helper named included, while it is open.
    /// </summary>
    private async Task<AuditDetails> UnderConcernAsync(ClaimsPrincipal actor, long concernId, int? aboutResidentId, CancellationToken ct)
    {
        var enquiryId = await OpenEnquiryOfAsync(concernId, ct)
            ?? await audit.OpenEnquiryAsync(actor, AuditBasis.SafeguardingEnquiry, EnquiryReason(concernId), aboutResidentId, ct);
        return new AuditDetails(Basis: AuditBasis.SafeguardingEnquiry, EnquiryId: enquiryId);
    }

    private async Task<long?> OpenEnquiryOfAsync(long concernId, CancellationToken ct)
    {
        var reason = EnquiryReason(concernId);
        return await db.AuditEnquiries.AsNoTracking()
            .Where(enquiry => enquiry.Reason == reason && enquiry.Basis == AuditBasis.SafeguardingEnquiry && enquiry.ClosedAt == null)
            .OrderBy(enquiry => enquiry.Id).Select(enquiry => (long?)enquiry.Id).FirstOrDefaultAsync(ct);
    }

    private IQueryable<ConcernSummary> Summaries(IQueryable<SafeguardingConcern> concerns) =>
        concerns.Select(concern => new ConcernSummary(
            concern.Id, concern.Status, concern.AboutResidentId,
            db.Residents.Where(resident => resident.Id == concern.AboutResidentId).Select(resident => resident.GivenName + " " + resident.FamilyName).FirstOrDefault(),
            concern.AboutTaskId, concern.RaisedAt, concern.UpdatedAt));
}
