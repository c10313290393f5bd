using Connective.Web.Data;
using Connective.Web.Platform.DataRights;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle.Erasure;

/// <summary>
/// Circle's part in erasing a person, inside the erasure's transaction and before their resident row goes. It first stops
/// what is under way (a helper is suspended, so their tasks go back out; their own open requests are cancelled, so their
/// helpers are released), copies what the organisation must keep into <see cref="CircleKeptRecord"/>s, then deletes the
/// rest. The time-credit ledger is double-entry and must still balance, so it is anonymised rather than deleted.
/// </summary>
internal sealed class CircleErasure(CircleTasks tasks, TimeProvider time) : IErasureParticipant
{
    public const string ErasedReason = "Their data was erased at their request.";

    public async Task<IReadOnlyList<ErasureItem>> EraseAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.ResidentId is not { } id)
        {
            return [];
        }
        var ct = cancellationToken;
        var now = time.GetUtcNow().UtcDateTime;

        // Stop what is under way, through the same services a coordinator uses, so no other person's task is left stranded.
        if (await db.HelperProfiles.AnyAsync(helper => helper.ResidentId == id, ct))
        {
            await tasks.SuspendHelperAsync(id, ErasedReason, ct);
        }
        var open = await db.HelpRequests
            .Where(request => request.RequesterResidentId == id && request.Status != HelpRequestStatus.Done && request.Status != HelpRequestStatus.Cancelled)
            .Select(request => request.Id).ToListAsync(ct);
        foreach (var requestId in open)
        {
            await tasks.CancelAsync(requestId, "the requester's data was erased", ct);
        }

        await KeepAsync(db, id, now, ct);

        var items = new List<ErasureItem>
        {
            ErasureItem.Deleted("Thanks messages you sent or received",
                await db.ThanksMessages.Where(thanks => thanks.FromResidentId == id || thanks.ToResidentId == id).ExecuteDeleteAsync(ct)),
        };
        // A place given back frees it for someone else: the count of places taken stays the number of places held.
        await db.Meetups.Where(meetup => db.MeetupRsvps.Any(rsvp => rsvp.MeetupId == meetup.Id && rsvp.ResidentId == id) && meetup.TakenPlaces > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(meetup => meetup.TakenPlaces, meetup => meetup.TakenPlaces - 1), ct);
        items.Add(ErasureItem.Deleted("Places you took at meetups",
            await db.MeetupRsvps.Where(rsvp => rsvp.ResidentId == id).ExecuteDeleteAsync(ct)));
        items.Add(ErasureItem.Deleted("Meetups you were recorded as attending",
            await db.MeetupAttendances.Where(attendance => attendance.ResidentId == id).ExecuteDeleteAsync(ct)));
        await db.CoordinatorTasks.Where(task => task.HelperResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(task => task.HelperResidentId, (int?)null), ct);
        // Their requests take their updates, offers and coordinator's queue items with them (cascading keys).
        items.Add(ErasureItem.Deleted("Requests for help you made, with their updates",
            await db.HelpRequests.Where(request => request.RequesterResidentId == id).ExecuteDeleteAsync(ct)));
        items.Add(ErasureItem.Deleted("Tasks offered to you as a helper",
            await db.HelpOffers.Where(offer => offer.HelperResidentId == id).ExecuteDeleteAsync(ct)));
        await db.VettingRecords.Where(check => check.HelperResidentId == id).ExecuteDeleteAsync(ct);
        items.Add(ErasureItem.Deleted("Your offer to help (skills, availability, range)",
            await db.HelperProfiles.Where(helper => helper.ResidentId == id).ExecuteDeleteAsync(ct)));

        var organised = await db.Meetups.Where(meetup => meetup.OrganiserResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(meetup => meetup.OrganiserResidentId, (int?)null), ct);
        if (organised > 0)
        {
            items.Add(ErasureItem.Kept("Meetups you organised", organised,
                "They belong to their circle and the people who booked places; they no longer name you as the organiser."));
        }

        var postings = await db.CreditPostings.CountAsync(posting => posting.GiverResidentId == id || posting.RecipientResidentId == id, ct);
        await db.CreditPostings.Where(posting => posting.GiverResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(posting => posting.GiverResidentId, (int?)null), ct);
        await db.CreditPostings.Where(posting => posting.RecipientResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(posting => posting.RecipientResidentId, (int?)null), ct);
        var accounts = await db.CreditAccounts.Where(account => account.ResidentId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(account => account.ResidentId, (int?)null), ct);
        if (postings + accounts > 0)
        {
            items.Add(ErasureItem.Kept("Time credits you gave and received (your account and its entries, anonymised)", postings + accounts,
                "The time-credit ledger is double-entry: every hour you gave or received is also an entry on someone else's account or the community pool, " +
                "and deleting yours would unbalance theirs. Your account and its entries no longer link to you."));
        }

        var checks = await db.CircleKeptRecords.CountAsync(record => record.Kind == CircleKeptRecordKind.VettingCheck && record.HelperResidentId == id, ct);
        if (checks > 0)
        {
            items.Add(ErasureItem.Kept("Your criminal-records check as a helper (level, certificate number and dates; never any conviction)", checks,
                "Safeguarding: we must be able to show who was checked, and to what level, before they visited anyone."));
        }
        var money = await db.CircleKeptRecords.CountAsync(record => record.Kind == CircleKeptRecordKind.MoneyHandled
                                                                    && (record.HelperResidentId == id || record.RequesterResidentId == id), ct);
        if (money > 0)
        {
            items.Add(ErasureItem.Kept("Money handled on tasks (amounts given, spent and returned, and whether there was a receipt)", money,
                "It accounts for someone else's money, which we must be able to show if it is ever questioned."));
        }
        var concerns = await db.SafeguardingConcerns.CountAsync(concern => concern.AboutResidentId == id, ct)
                       + await db.SafeguardingReferrals.CountAsync(referral => referral.RemovedHelperResidentId == id, ct);
        if (concerns > 0)
        {
            items.Add(ErasureItem.Kept("Safeguarding concerns and referrals about you", concerns,
                "The law on safeguarding adults requires these records to be kept; they are seen only by the safeguarding lead."));
        }
        return items;
    }

    /// <summary>Copies the person's check and the money handled on their tasks (as helper or requester) before the live rows go.</summary>
    private static async Task KeepAsync(AppDbContext db, int id, DateTime now, CancellationToken ct)
    {
        var check = await db.VettingRecords.AsNoTracking().SingleOrDefaultAsync(record => record.HelperResidentId == id, ct);
        if (check is not null)
        {
            db.CircleKeptRecords.Add(new CircleKeptRecord
            {
                Kind = CircleKeptRecordKind.VettingCheck,
                KeptAt = now,
                HelperResidentId = id,
                Scheme = check.Scheme,
                Level = check.Level,
                CertificateNumber = check.CertificateNumber,
                IssuedOn = check.IssuedOn,
                BarredListChecked = check.BarredListChecked,
                UpdateServiceSubscribed = check.UpdateServiceSubscribed,
                LastStatusCheckOn = check.LastStatusCheckOn,
                RecordedByAccountId = check.RecordedByAccountId,
            });
        }
        var handled = await (
                from offer in db.HelpOffers.AsNoTracking()
                join request in db.HelpRequests on offer.RequestId equals request.Id
                where (offer.HelperResidentId == id || request.RequesterResidentId == id) && offer.MoneyGivenPence != null
                      && !db.CircleKeptRecords.Any(kept => kept.OfferId == offer.Id)
                select new { Offer = offer, request.RequesterResidentId })
            .ToListAsync(ct);
        db.CircleKeptRecords.AddRange(handled.Select(row => new CircleKeptRecord
        {
            Kind = CircleKeptRecordKind.MoneyHandled,
            KeptAt = now,
            HelperResidentId = row.Offer.HelperResidentId,
            RequesterResidentId = row.RequesterResidentId,
            RequestId = row.Offer.RequestId,
            OfferId = row.Offer.Id,
            HandledAt = row.Offer.CheckedOutAt,
            MoneyGivenPence = row.Offer.MoneyGivenPence,
            MoneySpentPence = row.Offer.MoneySpentPence,
            ChangeReturnedPence = row.Offer.ChangeReturnedPence,
            ReceiptKept = row.Offer.ReceiptKept,
        }));
        await db.SaveChangesAsync(ct);
    }
}
