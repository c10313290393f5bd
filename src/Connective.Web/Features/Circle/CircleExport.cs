using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Circle.Erasure;
using Connective.Web.Features.Circle.Meetups;
using Connective.Web.Features.Circle.Safeguarding;
using Connective.Web.Platform.DataRights;
using Microsoft.EntityFrameworkCore;
using static Connective.Web.Platform.DataRights.PersonalDataExport;

namespace Connective.Web.Features.Circle;

/// <summary>
/// Circle's part of a person's download: their circles, help asked for and offered, helper profile and checks, credits,
/// thanks and meetups. Other people are not named or numbered (a thank-you says whether it was sent or received, not
/// by whom); staff notes written as free text are left out because they can name other people.
/// </summary>
internal sealed class CircleExport : IExportParticipant
{
    public IReadOnlyCollection<Type> Exports { get; } =
    [
        typeof(CircleMember), typeof(HelperProfile), typeof(VettingRecord), typeof(HelpRequest), typeof(HelpOffer), typeof(RequesterUpdate),
        typeof(CoordinatorTask), typeof(CreditAccount), typeof(CreditPosting), typeof(CreditTransfer), typeof(CreditEntry), typeof(ThanksMessage),
        typeof(Meetup), typeof(MeetupRsvp), typeof(MeetupAttendance),
    ];

    public IReadOnlyDictionary<Type, string> Withheld { get; } = new Dictionary<Type, string>
    {
        [typeof(SafeguardingConcern)] = SafeguardingWithheld,
        [typeof(SafeguardingNote)] = SafeguardingWithheld,
        [typeof(SafeguardingReferral)] = SafeguardingWithheld,
        [typeof(CircleKeptRecord)] = "Records Circle must keep after someone's data is erased (money handled, safeguarding) no longer point to anyone, so they belong to no one's download.",
    };

    private const string SafeguardingWithheld =
        "Safeguarding concerns, their notes and referrals are not downloaded automatically: the safeguarding lead decides case by case what can be shared without putting someone at risk (Data Protection Act 2018, Schedule 3). Ask the council for them.";

    public async Task<IReadOnlyList<Section>> ExportAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var sections = new List<Section>
        {
            new("circles", [.. (await db.CircleMembers.AsNoTracking().Where(member => member.ResidentId == id)
                .Join(db.Circles, member => member.CircleId, circle => circle.Id, (member, circle) => new { circle.Name, member.IsCoordinator, member.JoinedAt })
                .ToListAsync(cancellationToken))
                .Select(member => Row(("Circle", member.Name), ("IsCoordinator", member.IsCoordinator), ("JoinedAt", member.JoinedAt)))]),
        };
        await AddHelpAsync(db, id, sections, cancellationToken);
        await AddCreditsAsync(db, id, sections, cancellationToken);
        await AddMeetupsAsync(db, id, sections, cancellationToken);
        return sections;
    }

    private static async Task AddHelpAsync(AppDbContext db, int id, List<Section> sections, CancellationToken cancellationToken)
    {
        sections.Add(new("help-requests", [.. (await db.HelpRequests.AsNoTracking().Where(request => request.RequesterResidentId == id)
            .OrderBy(request => request.Id)
            .Join(db.CircleTaskTypes, request => request.TaskTypeId, type => type.Id, (request, type) => new { request, Task = type.Name })
            .ToListAsync(cancellationToken))
            .Select(row => Row(("RequestId", row.request.Id), ("Task", row.Task), ("Details", row.request.Details), ("Urgency", row.request.Urgency.ToString()),
                ("PreferredAt", row.request.PreferredAt), ("DeadlineAt", row.request.DeadlineAt), ("Status", row.request.Status.ToString()),
                ("ByPhone", row.request.ByPhone), ("CreatedAt", row.request.CreatedAt), ("ClosedAt", row.request.ClosedAt)))]));
        sections.Add(new("request-updates", [.. (await db.RequesterUpdates.AsNoTracking().Where(update => update.ResidentId == id)
            .OrderBy(update => update.Id).ToListAsync(cancellationToken))
            .Select(update => Row(("RequestId", update.RequestId), ("At", update.At), ("Message", update.Message), ("ByPhone", update.ByPhone)))]));
        sections.Add(new("help-offers", [.. (await db.HelpOffers.AsNoTracking().Where(offer => offer.HelperResidentId == id)
            .OrderBy(offer => offer.Id).ToListAsync(cancellationToken))
            .Select(offer => Row(("RequestId", offer.RequestId), ("OfferedAt", offer.OfferedAt), ("Response", offer.Response.ToString()),
                ("RespondedAt", offer.RespondedAt), ("Reasons", offer.Reasons), ("CheckedInAt", offer.CheckedInAt), ("CheckedOutAt", offer.CheckedOutAt),
                ("MoneyGivenPence", offer.MoneyGivenPence), ("MoneySpentPence", offer.MoneySpentPence), ("ChangeReturnedPence", offer.ChangeReturnedPence)))]));
        sections.Add(new("helper-profile", [.. (await db.HelperProfiles.AsNoTracking().Where(profile => profile.ResidentId == id).ToListAsync(cancellationToken))
            .Select(profile => Row(("Skills", profile.Skills), ("AvailableDays", profile.AvailableDays), ("AvailableFromHour", profile.AvailableFromHour),
                ("AvailableToHour", profile.AvailableToHour), ("MaxDistanceKm", profile.MaxDistanceKm), ("MaxTasks", profile.MaxTasks),
                ("Training", profile.Training.ToString()), ("Status", profile.Status.ToString()), ("SuspendedAt", profile.SuspendedAt),
                ("SuspensionReason", profile.SuspensionReason), ("TasksAccepted", profile.TasksAccepted), ("TasksCompleted", profile.TasksCompleted),
                ("CreatedAt", profile.CreatedAt)))]));
        sections.Add(new("vetting", [.. (await db.VettingRecords.AsNoTracking().Where(check => check.HelperResidentId == id)
            .OrderBy(check => check.Id).ToListAsync(cancellationToken))
            .Select(check => Row(("Scheme", check.Scheme.ToString()), ("Level", check.Level.ToString()), ("CertificateNumber", check.CertificateNumber),
                ("IssuedOn", check.IssuedOn), ("BarredListChecked", check.BarredListChecked), ("UpdateServiceSubscribed", check.UpdateServiceSubscribed),
                ("RecheckDueOn", check.RecheckDueOn), ("RecordedAt", check.RecordedAt)))]));
        // The coordinator's follow-ups about the person, without the summary and outcome: staff's free text can name other people.
        sections.Add(new("coordinator-follow-ups", [.. (await db.CoordinatorTasks.AsNoTracking()
            .Where(task => task.ResidentId == id || task.HelperResidentId == id)
            .OrderBy(task => task.Id)
            .Select(task => new { task.Kind, task.RequestId, task.CreatedAt, task.ResolvedAt })
            .ToListAsync(cancellationToken))
            .Select(task => Row(("Kind", task.Kind.ToString()), ("RequestId", task.RequestId), ("CreatedAt", task.CreatedAt), ("ResolvedAt", task.ResolvedAt)))]));
    }

    private static async Task AddCreditsAsync(AppDbContext db, int id, List<Section> sections, CancellationToken cancellationToken)
    {
        var account = await db.CreditAccounts.AsNoTracking().SingleOrDefaultAsync(account => account.ResidentId == id, cancellationToken);
        sections.Add(new("credit-account", account is null ? [] : [Row(
            ("BalanceMinutes", account.BalanceMinutes), ("FloorMinutes", account.FloorMinutes), ("OpenedAt", account.OpenedAt))]));
        // Every movement on the person's account, with what it was for: a task's hours (earned or paid) or a donation.
        sections.Add(new("credits", account is null ? [] : [.. (await db.CreditEntries.AsNoTracking().Where(entry => entry.AccountId == account.Id)
            .Join(db.CreditTransfers, entry => entry.TransferId, transfer => transfer.Id, (entry, transfer) => new { entry, transfer })
            .Join(db.CreditPostings, pair => pair.transfer.PostingId, posting => posting.Id, (pair, posting) => new
            {
                pair.entry.Id, pair.entry.At, pair.entry.Minutes, Transfer = pair.transfer.Kind, Posting = posting.Kind,
                GaveTheTime = posting.GiverResidentId == id, ReceivedTheHelp = posting.RecipientResidentId == id,
            })
            .OrderBy(row => row.Id)
            .ToListAsync(cancellationToken))
            .Select(row => Row(("At", row.At), ("Minutes", row.Minutes), ("For", row.Posting.ToString()), ("Transfer", row.Transfer.ToString()),
                ("YouGaveTheTime", row.GaveTheTime), ("YouReceivedTheHelp", row.ReceivedTheHelp)))]));
        sections.Add(new("thanks", [.. (await db.ThanksMessages.AsNoTracking().Where(thanks => thanks.FromResidentId == id || thanks.ToResidentId == id)
            .OrderBy(thanks => thanks.Id).ToListAsync(cancellationToken))
            .Select(thanks => Row(("Direction", thanks.FromResidentId == id ? "Sent" : "Received"), ("TaskId", thanks.TaskId),
                ("Message", thanks.Message), ("SentAt", thanks.SentAt)))]));
    }

    private static async Task AddMeetupsAsync(AppDbContext db, int id, List<Section> sections, CancellationToken cancellationToken)
    {
        sections.Add(new("meetups-organised", [.. (await db.Meetups.AsNoTracking().Where(meetup => meetup.OrganiserResidentId == id)
            .OrderBy(meetup => meetup.Id).ToListAsync(cancellationToken))
            .Select(meetup => Row(("MeetupId", meetup.Id), ("Title", meetup.Title), ("StartsAt", meetup.StartsAt), ("Place", meetup.Place),
                ("Capacity", meetup.Capacity), ("CancelledAt", meetup.CancelledAt)))]));
        sections.Add(new("meetup-places", [.. (await db.MeetupRsvps.AsNoTracking().Where(rsvp => rsvp.ResidentId == id)
            .Join(db.Meetups, rsvp => rsvp.MeetupId, meetup => meetup.Id, (rsvp, meetup) => new { rsvp.MeetupId, meetup.Title, meetup.StartsAt, meetup.Place, rsvp.At })
            .OrderBy(row => row.StartsAt)
            .ToListAsync(cancellationToken))
            .Select(row => Row(("MeetupId", row.MeetupId), ("Title", row.Title), ("StartsAt", row.StartsAt), ("Place", row.Place), ("BookedAt", row.At)))]));
        sections.Add(new("meetup-attendance", [.. (await db.MeetupAttendances.AsNoTracking().Where(attendance => attendance.ResidentId == id)
            .OrderBy(attendance => attendance.MeetupId).ToListAsync(cancellationToken))
            .Select(attendance => Row(("MeetupId", attendance.MeetupId), ("RecordedAt", attendance.RecordedAt)))]));
    }
}
