using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Features.Circle.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Circle;

/// <summary>What became of an action: done, or why not, in words for the person who tried.</summary>
public enum CircleOutcomeKind
{
    Done,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>The outcome of an action on a request, offer or helper.</summary>
public sealed record CircleOutcome(CircleOutcomeKind Kind, string Message)
{
    public bool Succeeded => Kind == CircleOutcomeKind.Done;

    public static CircleOutcome Ok(string message) => new(CircleOutcomeKind.Done, message);

    public static CircleOutcome NotFound(string message) => new(CircleOutcomeKind.NotFound, message);

    public static CircleOutcome Conflict(string message) => new(CircleOutcomeKind.Conflict, message);

    public static CircleOutcome Invalid(string message) => new(CircleOutcomeKind.Invalid, message);
}

/// <summary>What a resident (or a coordinator on the phone) asks for.</summary>
public sealed record NewHelpRequest(int RequesterResidentId, int TaskTypeId, string Details, DateTime? PreferredAt, HelpUrgency Urgency, DateTime DeadlineAt);

/// <summary>Money handled on a task, in pence: given to the helper, spent, and change returned; and whether a receipt was kept.</summary>
public sealed record MoneyHandled([property: Range(0, 100_000_00)] long GivenPence, [property: Range(0, 100_000_00)] long SpentPence, [property: Range(0, 100_000_00)] long ChangeReturnedPence, bool ReceiptKept);

/// <summary>
/// The life of a help request: recording it, offering it in waves, accepting (the last place and the helper's cap are
/// taken by conditional updates inside a transaction, so they hold under concurrency on both providers), check-in and
/// check-out, closing, and the due work the scheduler runs from persisted times.
/// </summary>
public sealed class CircleTasks(AppDbContext db, TimeCredits credits, CircleMatching matching, TimeProvider time, IOptions<CircleOptions> options)
{
    private CircleOptions Options => options.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The form's problems by field name, empty when the request can be recorded.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(NewHelpRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        if (!await db.Residents.AnyAsync(r => r.Id == input.RequesterResidentId, ct))
        {
            errors[nameof(NewHelpRequest.RequesterResidentId)] = $"There is no resident with the number {input.RequesterResidentId}.";
        }
        if (!await db.CircleTaskTypes.AnyAsync(t => t.Id == input.TaskTypeId, ct))
        {
            errors[nameof(NewHelpRequest.TaskTypeId)] = "Select what kind of help is needed.";
        }
        if (string.IsNullOrWhiteSpace(input.Details))
        {
            errors[nameof(NewHelpRequest.Details)] = "Enter what help is needed.";
        }
        else if (input.Details.Length > 1000)
        {
            errors[nameof(NewHelpRequest.Details)] = "The description must be 1,000 characters or fewer.";
        }
        if (!Enum.IsDefined(input.Urgency))
        {
            errors[nameof(NewHelpRequest.Urgency)] = "Select how urgent it is.";
        }
        if (input.DeadlineAt <= Now || input.DeadlineAt > Now.AddDays(60))
        {
            errors[nameof(NewHelpRequest.DeadlineAt)] = "The deadline must be in the future and within 60 days.";
        }
        if (input.PreferredAt is { } preferred && (preferred < Now.AddHours(-1) || preferred > input.DeadlineAt))
        {
            errors[nameof(NewHelpRequest.PreferredAt)] = "The preferred time must be between now and the deadline.";
        }
        return errors;
    }

    /// <summary>Records a request (already validated) and sends its first wave of offers at once.</summary>
    public async Task<HelpRequest> CreateAsync(NewHelpRequest input, string recordedByAccountId, bool byPhone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = Now;
        var requester = await db.Residents.AsNoTracking()
            .Where(r => r.Id == input.RequesterResidentId)
            .Select(r => new { r.WardId, r.Latitude, r.Longitude })
            .SingleAsync(ct);
        var type = await db.CircleTaskTypes.AsNoTracking().SingleAsync(t => t.Id == input.TaskTypeId, ct);
        // The first visit of a kind that asks for pairs: two helpers go together.
        var firstVisit = !await db.HelpRequests.AnyAsync(r => r.RequesterResidentId == input.RequesterResidentId
                                                               && r.TaskTypeId == type.Id && r.Status == HelpRequestStatus.Done, ct);
        var request = new HelpRequest
        {
            RequesterResidentId = input.RequesterResidentId,
            TaskTypeId = type.Id,
            Details = input.Details.Trim(),
            PreferredAt = input.PreferredAt,
            WardId = requester.WardId,
            // About 100 m: matching needs no more, and the exact address stays with the household.
            Latitude = Math.Round(requester.Latitude, 3),
            Longitude = Math.Round(requester.Longitude, 3),
            Urgency = input.Urgency,
            DeadlineAt = input.DeadlineAt,
            Status = HelpRequestStatus.Open,
            CreatedAt = now,
            RecordedByAccountId = recordedByAccountId,
            ByPhone = byPhone,
            PlacesNeeded = type.FirstVisitInPairs && firstVisit ? 2 : 1,
            NextActionAt = now,
        };
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(request, $"We have your request for help ({type.Name.ToLowerInvariant()}) and are looking for a helper.", ct);
        await SendNextWaveAsync(request.Id, ct);
        return request;
    }

    /// <summary>
    /// Offers the request to the next wave of ranked helpers (the Matching policy decides who and how long to wait).
    /// With nobody left to ask and nobody still considering it, the request goes to the coordinator's queue.
    /// </summary>
    public async Task SendNextWaveAsync(long requestId, CancellationToken ct)
    {
        var request = await db.HelpRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not null)
        {
            await SendNextWaveAsync(request, ct);
        }
    }

    /// <summary>The next wave for a request already loaded (tracked) by the caller, so a loop over due requests reads each once.</summary>
    private async Task SendNextWaveAsync(HelpRequest request, CancellationToken ct)
    {
        if (request.Status is not (HelpRequestStatus.Open or HelpRequestStatus.Offered))
        {
            return;
        }
        var requestId = request.Id;
        var now = Now;
        var match = await matching.MatchAsync(db, requestId, ct);
        var offered = await db.HelpOffers.Where(o => o.RequestId == requestId)
            .Select(o => new { o.HelperResidentId, o.Response }).ToListAsync(ct);
        // An offer closed because the places went to others may be made again if the task reopens (a helper was suspended).
        var alreadyOffered = offered.Where(o => o.Response != OfferResponse.Closed).Select(o => o.HelperResidentId).ToHashSet();
        var closedBefore = offered.Where(o => o.Response == OfferResponse.Closed).Select(o => o.HelperResidentId).ToHashSet();
        var wave = request.WaveNumber + 1;
        var step = OfferWaves.Next(match.Ranked, alreadyOffered, wave, request.DeadlineAt - now);
        var newIds = step.HelperResidentIds.Where(id => !alreadyOffered.Contains(id)).ToList();
        var stillConsidering = offered.Any(o => o.Response == OfferResponse.Pending);

        if (newIds.Count == 0)
        {
            if (!stillConsidering)
            {
                await MarkUnansweredAsync(request, match.RequesterHasNetworkPath
                    ? "No suitable helper is free to take this request."
                    : "The requester has no network path to a helper and no vetted helper is free.", ct);
                return;
            }
            // Everyone has been asked: wait for their answers until the escalation point, then the deadline.
            request.NextActionAt = NextAction(request.DeadlineAt, request);
            await db.SaveChangesAsync(ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claiming the wave number first means two scheduler instances never send the same wave twice.
        var claimed = await db.HelpRequests
            .Where(r => r.Id == requestId && r.WaveNumber == request.WaveNumber
                        && (r.Status == HelpRequestStatus.Open || r.Status == HelpRequestStatus.Offered))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.WaveNumber, wave)
                .SetProperty(r => r.Status, HelpRequestStatus.Offered)
                .SetProperty(r => r.NextActionAt, NextAction(now + step.WaitBeforeNextWave, request)), ct);
        if (claimed == 0)
        {
            return;
        }
        var byId = match.Ranked.ToDictionary(helper => helper.Candidate.HelperResidentId);
        foreach (var helperId in newIds)
        {
            var ranked = byId[helperId];
            var reasons = Truncate(string.Join("; ", ranked.Reasons), 300);
            if (closedBefore.Contains(helperId))
            {
                await db.HelpOffers.Where(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Closed)
                    .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Pending).SetProperty(o => o.Wave, wave)
                        .SetProperty(o => o.OfferedAt, now).SetProperty(o => o.RespondedAt, (DateTime?)null).SetProperty(o => o.Score, ranked.Score)
                        .SetProperty(o => o.NetworkDistance, ranked.Candidate.NetworkDistance).SetProperty(o => o.Reasons, reasons), ct);
                continue;
            }
            db.HelpOffers.Add(new HelpOffer
            {
                RequestId = requestId,
                HelperResidentId = helperId,
                Wave = wave,
                OfferedAt = now,
                Response = OfferResponse.Pending,
                NetworkDistance = ranked.Candidate.NetworkDistance,
                Score = ranked.Score,
                Reasons = reasons,
            });
        }
        await db.SaveChangesAsync(ct);
        await db.HelperProfiles.Where(h => newIds.Contains(h.ResidentId))
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.OffersReceived, h => h.OffersReceived + 1), ct);
        await transaction.CommitAsync(ct);
        await db.Entry(request).ReloadAsync(ct);
        if (wave == 1)
        {
            await NotifyAsync(request, Plural(newIds.Count, "helper") + " nearby have been asked if they can help.", ct);
        }
        else
        {
            await NotifyAsync(request, "Nobody has said yes yet, so we have asked " + Plural(newIds.Count, "more helper") + ".", ct);
        }
    }

    /// <summary>
    /// A helper accepts an offer. The helper's cap, the request's place and the offer are each taken by a conditional
    /// update in one transaction, always in that order (helper, request, offer) so that concurrent accepts and suspensions
    /// queue on the same rows instead of deadlocking: whichever helper's update of the request lands second finds no place.
    /// </summary>
    public async Task<CircleOutcome> AcceptAsync(long requestId, int helperId, CancellationToken ct)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var capacity = await db.HelperProfiles
            .Where(h => h.ResidentId == helperId && h.Status == HelperStatus.Active && h.ActiveTasks < h.MaxTasks)
            .ExecuteUpdateAsync(set => set
                .SetProperty(h => h.ActiveTasks, h => h.ActiveTasks + 1)
                .SetProperty(h => h.TasksAccepted, h => h.TasksAccepted + 1)
                .SetProperty(h => h.OffersAnswered, h => h.OffersAnswered + 1), ct);
        if (capacity == 0)
        {
            return CircleOutcome.Conflict("You already have as many tasks as you said you can take on, or you cannot take tasks at the moment.");
        }
        var place = await db.HelpRequests
            .Where(r => r.Id == requestId && r.Status == HelpRequestStatus.Offered && r.PlacesTaken < r.PlacesNeeded
                        && db.HelpOffers.Any(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Pending))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.PlacesTaken, r => r.PlacesTaken + 1), ct);
        if (place == 0)
        {
            await transaction.RollbackAsync(ct);
            var stillOpen = await db.HelpOffers.AnyAsync(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Pending, ct);
            if (!stillOpen)
            {
                return CircleOutcome.Conflict("This offer is no longer open.");
            }
            await CloseOfferAsync(requestId, helperId, ct);
            return CircleOutcome.Conflict("Someone else has just taken this task. Thank you for offering.");
        }
        var offer = await db.HelpOffers
            .Where(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Accepted).SetProperty(o => o.RespondedAt, now), ct);
        if (offer == 0)
        {
            await transaction.RollbackAsync(ct);
            return CircleOutcome.Conflict("This offer is no longer open.");
        }
        var full = await db.HelpRequests
            .Where(r => r.Id == requestId && r.PlacesTaken == r.PlacesNeeded)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, HelpRequestStatus.Accepted).SetProperty(r => r.NextActionAt, (DateTime?)null), ct);
        if (full > 0)
        {
            await db.HelpOffers.Where(o => o.RequestId == requestId && o.Response == OfferResponse.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Closed).SetProperty(o => o.RespondedAt, now), ct);
            await ResolveQueueAsync(requestId, [CoordinatorTaskKind.Escalation, CoordinatorTaskKind.Unanswered], "A helper accepted.", ct);
        }
        await transaction.CommitAsync(ct);

        var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
        await NotifyAsync(request, full > 0
            ? "A helper has said yes and will be in touch before they come."
            : "One helper has said yes; we are finding a second so that the first visit is made in pairs.", ct);
        return CircleOutcome.Ok("You have accepted this task. The address is now shown to you.");
    }

    /// <summary>A helper says no; if nobody else is still considering it, the next wave goes out at the scheduler's next look.</summary>
    public async Task<CircleOutcome> DeclineAsync(long requestId, int helperId, CancellationToken ct)
    {
        var now = Now;
        var declined = await db.HelpOffers
            .Where(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Declined).SetProperty(o => o.RespondedAt, now), ct);
        if (declined == 0)
        {
            return CircleOutcome.Conflict("This offer is no longer open.");
        }
        await db.HelperProfiles.Where(h => h.ResidentId == helperId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.OffersAnswered, h => h.OffersAnswered + 1), ct);
        if (!await db.HelpOffers.AnyAsync(o => o.RequestId == requestId && o.Response == OfferResponse.Pending, ct))
        {
            await db.HelpRequests.Where(r => r.Id == requestId && r.Status == HelpRequestStatus.Offered)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.NextActionAt, now), ct);
        }
        return CircleOutcome.Ok("Thank you for letting us know. We will ask someone else.");
    }

    /// <summary>Lone working: the helper says they have arrived; a coordinator is alerted if they have not checked out in time.</summary>
    public async Task<CircleOutcome> CheckInAsync(long requestId, int helperId, CancellationToken ct)
    {
        var now = Now;
        var minutes = await db.HelpRequests.Where(r => r.Id == requestId)
            .Join(db.CircleTaskTypes, r => r.TaskTypeId, t => t.Id, (r, t) => (int?)t.ExpectedMinutes)
            .SingleOrDefaultAsync(ct);
        if (minutes is null)
        {
            return CircleOutcome.NotFound($"There is no request {requestId}.");
        }
        var due = now.AddMinutes(minutes.Value) + Options.CheckOutGrace;
        var checkedIn = await db.HelpOffers
            .Where(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Accepted && o.CheckedInAt == null
                        && db.HelpRequests.Any(r => r.Id == requestId && (r.Status == HelpRequestStatus.Accepted || r.Status == HelpRequestStatus.InProgress)))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.CheckedInAt, now).SetProperty(o => o.CheckOutDueAt, due), ct);
        if (checkedIn == 0)
        {
            return CircleOutcome.Conflict("You can check in only to a task you have accepted, once every place is filled, and only once.");
        }
        await db.HelpRequests.Where(r => r.Id == requestId && r.Status == HelpRequestStatus.Accepted)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, HelpRequestStatus.InProgress), ct);
        var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
        await NotifyAsync(request, "Your helper has arrived and checked in.", ct);
        return CircleOutcome.Ok($"Checked in. Please check out by {due:HH:mm} (UTC); if you do not, a coordinator will call you.");
    }

    /// <summary>
    /// The helper checks out, recording any money handled. When every helper on the task has checked out, the task is
    /// done: the helper's load drops, their credits are recorded, and the requester is told.
    /// </summary>
    public async Task<CircleOutcome> CheckOutAsync(long requestId, int helperId, MoneyHandled? money, CancellationToken ct)
    {
        var now = Now;
        var task = await db.HelpRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Join(db.CircleTaskTypes, r => r.TaskTypeId, t => t.Id, (r, t) => new { r.Status, t.NeedsCheckIn, t.HandlesMoney })
            .SingleOrDefaultAsync(ct);
        if (task is null)
        {
            return CircleOutcome.NotFound($"There is no request {requestId}.");
        }
        if (money is not null && (money.GivenPence < 0 || money.SpentPence < 0 || money.ChangeReturnedPence < 0))
        {
            return CircleOutcome.Invalid("Amounts of money cannot be negative.");
        }
        if (task.HandlesMoney && money is null)
        {
            return CircleOutcome.Invalid("Record the money given, spent and returned, even if it was none.");
        }
        var offer = await db.HelpOffers.SingleOrDefaultAsync(o => o.RequestId == requestId && o.HelperResidentId == helperId
                                                                  && o.Response == OfferResponse.Accepted && o.CheckedOutAt == null, ct);
        if (offer is null || task.Status is not (HelpRequestStatus.Accepted or HelpRequestStatus.InProgress)
                          || (task.NeedsCheckIn && offer.CheckedInAt is null))
        {
            return CircleOutcome.Conflict(task.NeedsCheckIn
                ? "You can check out only of a task you have checked in to."
                : "You can mark as done only a task you have accepted.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        offer.CheckedInAt ??= now;
        offer.CheckedOutAt = now;
        if (money is not null)
        {
            offer.MoneyGivenPence = money.GivenPence;
            offer.MoneySpentPence = money.SpentPence;
            offer.ChangeReturnedPence = money.ChangeReturnedPence;
            offer.ReceiptKept = money.ReceiptKept;
        }
        await db.SaveChangesAsync(ct);
        await db.HelperProfiles.Where(h => h.ResidentId == helperId && h.ActiveTasks > 0)
            .ExecuteUpdateAsync(set => set
                .SetProperty(h => h.ActiveTasks, h => h.ActiveTasks - 1)
                .SetProperty(h => h.TasksCompleted, h => h.TasksCompleted + 1), ct);
        await ResolveQueueAsync(requestId, [CoordinatorTaskKind.OverdueCheckOut], $"Checked out at {now:HH:mm} UTC.", ct, helperId);
        var everyoneOut = !await db.HelpOffers.AnyAsync(o => o.RequestId == requestId && o.Response == OfferResponse.Accepted && o.CheckedOutAt == null, ct);
        var done = everyoneOut && await db.HelpRequests
            .Where(r => r.Id == requestId && (r.Status == HelpRequestStatus.Accepted || r.Status == HelpRequestStatus.InProgress))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, HelpRequestStatus.Done).SetProperty(r => r.ClosedAt, now), ct) > 0;
        await transaction.CommitAsync(ct);

        // The helper's time goes into the ledger once, whatever retries happen: the key names the task and the helper.
        var requesterId = await db.HelpRequests.Where(r => r.Id == requestId).Select(r => r.RequesterResidentId).SingleAsync(ct);
        await credits.RecordTaskAsync($"circle-task-{requestId}-helper-{helperId}", helperId, requesterId, CreditedHours(offer.CheckedInAt.Value, now), ct);
        if (done)
        {
            var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
            await NotifyAsync(request, "Your helper has finished and checked out. The task is done.", ct);
        }
        return CircleOutcome.Ok(done ? "Checked out. The task is done: thank you." : "Checked out. Thank you.");
    }

    /// <summary>
    /// A thank-you between the two sides of a finished task: from the requester to each helper on it, or from a helper to
    /// the requester. A coordinator passes on an offline requester's thanks with <paramref name="fromResidentId"/> the requester.
    /// </summary>
    public async Task<CircleOutcome> ThankAsync(long requestId, int fromResidentId, string message, CancellationToken ct)
    {
        var request = await db.HelpRequests.AsNoTracking().Where(r => r.Id == requestId && r.Status == HelpRequestStatus.Done)
            .Select(r => new { r.RequesterResidentId }).SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return CircleOutcome.NotFound("Thanks can be sent once a task is done.");
        }
        var helpers = await db.HelpOffers.Where(o => o.RequestId == requestId && o.Response == OfferResponse.Accepted)
            .Select(o => o.HelperResidentId).ToListAsync(ct);
        List<int> to = fromResidentId == request.RequesterResidentId ? helpers
            : helpers.Contains(fromResidentId) ? [request.RequesterResidentId] : [];
        if (to.Count == 0)
        {
            return CircleOutcome.NotFound("Only the requester and the helpers on a task can thank each other for it.");
        }
        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length > Thanks.MaxLength)
        {
            return CircleOutcome.Invalid($"Write a message of up to {Thanks.MaxLength:N0} characters.");
        }
        var sent = 0;
        foreach (var recipient in to)
        {
            sent += await Thanks.SendAsync(db, time, fromResidentId, recipient, requestId, message, ct) is null ? 0 : 1;
        }
        return sent > 0 ? CircleOutcome.Ok("Your thanks have been sent.") : CircleOutcome.Conflict("You have already sent your thanks for this task.");
    }

    /// <summary>The requester (or a coordinator) cancels: open offers close, accepted helpers are released.</summary>
    public async Task<CircleOutcome> CancelAsync(long requestId, string reason, CancellationToken ct)
    {
        var now = Now;
        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, ct);
        var cancelled = await db.HelpRequests
            .Where(r => r.Id == requestId && r.Status != HelpRequestStatus.Done && r.Status != HelpRequestStatus.Cancelled)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, HelpRequestStatus.Cancelled).SetProperty(r => r.ClosedAt, now)
                .SetProperty(r => r.NextActionAt, (DateTime?)null), ct);
        if (cancelled == 0)
        {
            return CircleOutcome.Conflict("This request is already closed.");
        }
        var released = await db.HelpOffers.Where(o => o.RequestId == requestId && o.Response == OfferResponse.Accepted && o.CheckedOutAt == null)
            .Select(o => o.HelperResidentId).ToListAsync(ct);
        await db.HelperProfiles.Where(h => released.Contains(h.ResidentId) && h.ActiveTasks > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.ActiveTasks, h => h.ActiveTasks - 1), ct);
        await db.HelpOffers.Where(o => o.RequestId == requestId && o.Response == OfferResponse.Accepted && o.CheckedOutAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Withdrawn), ct);
        await db.HelpOffers.Where(o => o.RequestId == requestId && o.Response == OfferResponse.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Closed).SetProperty(o => o.RespondedAt, now), ct);
        await ResolveQueueAsync(requestId, [CoordinatorTaskKind.Escalation, CoordinatorTaskKind.Unanswered, CoordinatorTaskKind.OverdueCheckOut], "Request cancelled: " + reason, ct);
        await transaction.CommitAsync(ct);
        return CircleOutcome.Ok("The request has been cancelled.");
    }

    /// <summary>
    /// Suspends a helper: they are never offered anything again until reinstated, and every task offered to them or
    /// accepted by them is withdrawn; accepted tasks go back out to other helpers at once.
    /// </summary>
    public async Task<CircleOutcome> SuspendHelperAsync(int helperId, string reason, CancellationToken ct)
    {
        var now = Now;
        await using var transaction = await CallerOrOwnTransaction.BeginAsync(db, ct);
        var suspended = await db.HelperProfiles.Where(h => h.ResidentId == helperId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Status, HelperStatus.Suspended).SetProperty(h => h.SuspendedAt, now)
                .SetProperty(h => h.SuspensionReason, Truncate(reason, 500)).SetProperty(h => h.ActiveTasks, 0), ct);
        if (suspended == 0)
        {
            return CircleOutcome.NotFound($"Resident {helperId} is not a helper.");
        }
        var takenBack = await db.HelpOffers
            .Where(o => o.HelperResidentId == helperId && (o.Response == OfferResponse.Accepted || o.Response == OfferResponse.Pending) && o.CheckedOutAt == null
                        && db.HelpRequests.Any(r => r.Id == o.RequestId && r.Status != HelpRequestStatus.Done && r.Status != HelpRequestStatus.Cancelled))
            .Select(o => new { o.RequestId, o.Response }).ToListAsync(ct);
        await db.HelpOffers
            .Where(o => o.HelperResidentId == helperId && (o.Response == OfferResponse.Accepted || o.Response == OfferResponse.Pending) && o.CheckedOutAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Withdrawn).SetProperty(o => o.RespondedAt, now), ct);
        var reopened = takenBack.Where(o => o.Response == OfferResponse.Accepted).Select(o => o.RequestId).ToList();
        await db.HelpRequests.Where(r => reopened.Contains(r.Id) && r.PlacesTaken > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.PlacesTaken, r => r.PlacesTaken - 1)
                .SetProperty(r => r.Status, HelpRequestStatus.Offered).SetProperty(r => r.NextActionAt, now), ct);
        await transaction.CommitAsync(ct);

        foreach (var requestId in reopened)
        {
            var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
            await NotifyAsync(request, "The helper who accepted can no longer come. We are finding someone else.", ct);
        }
        return CircleOutcome.Ok($"Suspended. {Plural(takenBack.Count, "task")} withdrawn from them.");
    }

    public const string RemovedForHarmMessage = "This helper was removed for harm after a safeguarding concern: only a safeguarding lead can reinstate them.";

    /// <summary>
    /// Lets a suspended helper be offered tasks again. A removal for harm (a safeguarding referral names the helper) is
    /// not a coordinator's to undo, whichever page or endpoint asks.
    /// </summary>
    public async Task<CircleOutcome> ReinstateHelperAsync(int helperId, CancellationToken ct) =>
        await db.SafeguardingReferrals.AnyAsync(referral => referral.RemovedHelperResidentId == helperId, ct)
            ? CircleOutcome.Conflict(RemovedForHarmMessage)
            : await db.HelperProfiles.Where(h => h.ResidentId == helperId && h.Status == HelperStatus.Suspended)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Status, HelperStatus.Active).SetProperty(h => h.SuspendedAt, (DateTime?)null)
                .SetProperty(h => h.SuspensionReason, (string?)null), ct) > 0
            ? CircleOutcome.Ok("Reinstated: they can be offered tasks again.")
            : CircleOutcome.Conflict("This helper is not suspended.");

    /// <summary>
    /// The safeguarding lead's half of <see cref="ReinstateHelperAsync"/>: lifts any suspension, a removal for harm
    /// included. Only SafeguardingCases calls it, after checking the removal was made under the lead's concern.
    /// </summary>
    internal async Task<CircleOutcome> LiftSuspensionAsync(int helperId, CancellationToken ct) =>
        await db.HelperProfiles.Where(h => h.ResidentId == helperId && h.Status == HelperStatus.Suspended)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Status, HelperStatus.Active).SetProperty(h => h.SuspendedAt, (DateTime?)null)
                .SetProperty(h => h.SuspensionReason, (string?)null), ct) > 0
            ? CircleOutcome.Ok("Reinstated: they can be offered tasks again.")
            : CircleOutcome.Ok("The helper was not suspended; their helper role is restored.");

    /// <summary>A coordinator marks a queue item as handled (a call made, an overdue helper reached).</summary>
    public async Task<CircleOutcome> ResolveAsync(long coordinatorTaskId, string accountId, string outcome, CancellationToken ct)
    {
        var now = Now;
        return await db.CoordinatorTasks.Where(t => t.Id == coordinatorTaskId && t.ResolvedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ResolvedAt, now).SetProperty(t => t.ResolvedByAccountId, accountId)
                .SetProperty(t => t.Outcome, Truncate(outcome, 500)), ct) > 0
            ? CircleOutcome.Ok("Marked as done.")
            : CircleOutcome.Conflict("This item was already handled.");
    }

    /// <summary>
    /// What the scheduler runs: deadlines passed, waves and escalations due, and overdue check-outs. Every due time is a
    /// column, so work missed while the app was stopped is done at the first look after it starts.
    /// </summary>
    public async Task<int> RunDueWorkAsync(CancellationToken ct)
    {
        var now = Now;
        // Each kind of due work reads its rows in one query and writes them together: no read per row.
        var expired = await db.HelpRequests
            .Where(r => (r.Status == HelpRequestStatus.Open || r.Status == HelpRequestStatus.Offered) && r.DeadlineAt <= now)
            .OrderBy(r => r.Id).ToListAsync(ct);
        await MarkUnansweredAsync(expired, "Nobody accepted before the deadline.", ct);
        var handled = expired.Count;

        var due = await db.HelpRequests
            .Where(r => (r.Status == HelpRequestStatus.Open || r.Status == HelpRequestStatus.Offered) && r.NextActionAt != null && r.NextActionAt <= now)
            .OrderBy(r => r.NextActionAt).ThenBy(r => r.Id).Take(200).ToListAsync(ct);
        foreach (var request in due.Where(request => request.EscalatedAt is null && request.DeadlineAt - now <= Options.EscalateBeforeDeadline))
        {
            request.EscalatedAt = now;
            AddQueueItem(CoordinatorTaskKind.Escalation, request, null,
                $"Request {request.Id} has its deadline at {request.DeadlineAt:dd MMM HH:mm} UTC and nobody has accepted it yet.");
        }
        await db.SaveChangesAsync(ct);
        foreach (var request in due)
        {
            // Each wave ranks the helpers for its own request (the Matching policy's queries), so this part is per request.
            await SendNextWaveAsync(request, ct);
            handled++;
        }

        var overdue = await db.HelpOffers
            .Where(o => o.Response == OfferResponse.Accepted && o.CheckedOutAt == null && o.OverdueAlertedAt == null && o.CheckOutDueAt != null && o.CheckOutDueAt <= now)
            .ToListAsync(ct);
        var overdueRequestIds = overdue.Select(offer => offer.RequestId).Distinct().ToList();
        var overdueRequests = await db.HelpRequests.AsNoTracking().Where(r => overdueRequestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var offer in overdue)
        {
            offer.OverdueAlertedAt = now;
            var request = overdueRequests[offer.RequestId];
            AddQueueItem(CoordinatorTaskKind.OverdueCheckOut, request, offer.HelperResidentId,
                $"The helper on request {request.Id} checked in at {offer.CheckedInAt:HH:mm} UTC and has not checked out (due {offer.CheckOutDueAt:HH:mm}). Call them.");
            handled++;
        }
        await db.SaveChangesAsync(ct);
        return handled;
    }

    /// <summary>Nobody will take it: close the open offers, queue it for a coordinator, and say so to the requester.</summary>
    private Task MarkUnansweredAsync(HelpRequest request, string why, CancellationToken ct) => MarkUnansweredAsync([request], why, ct);

    /// <summary>The same for many requests at once, in a fixed number of statements however many there are.</summary>
    private async Task MarkUnansweredAsync(List<HelpRequest> requests, string why, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return;
        }
        var now = Now;
        var ids = requests.Select(request => request.Id).ToList();
        foreach (var request in requests)
        {
            request.Status = HelpRequestStatus.Unanswered;
            request.NextActionAt = null;
        }
        await db.HelpOffers.Where(o => ids.Contains(o.RequestId) && o.Response == OfferResponse.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Closed).SetProperty(o => o.RespondedAt, now), ct);
        foreach (var request in requests)
        {
            AddQueueItem(CoordinatorTaskKind.Unanswered, request, null, $"Request {request.Id}: {why} A coordinator needs to find help or call the requester.");
        }
        await db.SaveChangesAsync(ct);
        await NotifyAsync(requests, "We have not yet found a helper who can do this. A coordinator now has your request and will contact you.", ct);
    }

    /// <summary>
    /// An honest update to the requester. Someone without an account, or who asked by phone, cannot read it online, so the
    /// coordinator's queue gets a call to make (one open call per request, carrying the latest news).
    /// </summary>
    private Task NotifyAsync(HelpRequest request, string message, CancellationToken ct) => NotifyAsync([request], message, ct);

    /// <summary>The same update to many requesters, reading who is online and the open calls once for all of them.</summary>
    private async Task NotifyAsync(List<HelpRequest> requests, string message, CancellationToken ct)
    {
        var requesterIds = requests.Where(request => !request.ByPhone).Select(request => request.RequesterResidentId).Distinct().ToList();
        var online = requesterIds.Count == 0 ? []
            : (await db.Residents.Where(r => requesterIds.Contains(r.Id) && r.HasAccount).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var offline = requests.Where(request => request.ByPhone || !online.Contains(request.RequesterResidentId)).ToList();
        var offlineIds = offline.Select(request => (long?)request.Id).ToList();
        var calls = offlineIds.Count == 0 ? []
            : await db.CoordinatorTasks.Where(t => offlineIds.Contains(t.RequestId) && t.Kind == CoordinatorTaskKind.PhoneRequester && t.ResolvedAt == null)
                .ToDictionaryAsync(t => t.RequestId!.Value, ct);
        foreach (var request in requests)
        {
            var byPhone = request.ByPhone || !online.Contains(request.RequesterResidentId);
            db.RequesterUpdates.Add(new RequesterUpdate
            {
                RequestId = request.Id,
                ResidentId = request.RequesterResidentId,
                At = Now,
                Message = message,
                ByPhone = byPhone,
            });
            if (!byPhone)
            {
                continue;
            }
            var summary = Truncate($"Phone the requester about request {request.Id}: {message}", 500);
            if (calls.TryGetValue(request.Id, out var call))
            {
                call.Summary = summary;
            }
            else
            {
                AddQueueItem(CoordinatorTaskKind.PhoneRequester, request, null, summary);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private void AddQueueItem(CoordinatorTaskKind kind, HelpRequest request, int? helperId, string summary) =>
        db.CoordinatorTasks.Add(new CoordinatorTask
        {
            Kind = kind,
            RequestId = request.Id,
            ResidentId = request.RequesterResidentId,
            HelperResidentId = helperId,
            Summary = Truncate(summary, 500),
            CreatedAt = Now,
        });

    private async Task ResolveQueueAsync(long requestId, CoordinatorTaskKind[] kinds, string outcome, CancellationToken ct, int? helperId = null)
    {
        var now = Now;
        await db.CoordinatorTasks
            .Where(t => t.RequestId == requestId && kinds.Contains(t.Kind) && t.ResolvedAt == null && (helperId == null || t.HelperResidentId == helperId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ResolvedAt, now).SetProperty(t => t.ResolvedByAccountId, "system")
                .SetProperty(t => t.Outcome, outcome), ct);
    }

    private async Task CloseOfferAsync(long requestId, int helperId, CancellationToken ct)
    {
        var now = Now;
        await db.HelpOffers.Where(o => o.RequestId == requestId && o.HelperResidentId == helperId && o.Response == OfferResponse.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Response, OfferResponse.Closed).SetProperty(o => o.RespondedAt, now), ct);
    }

    /// <summary>The next look: after the wave's wait, but never after the deadline nor past the escalation point unnoticed.</summary>
    private DateTime NextAction(DateTime afterWait, HelpRequest request)
    {
        var escalateAt = request.DeadlineAt - Options.EscalateBeforeDeadline;
        var next = afterWait < request.DeadlineAt ? afterWait : request.DeadlineAt;
        return request.EscalatedAt is null && escalateAt > Now && escalateAt < next ? escalateAt : next;
    }

    /// <summary>Time on the task in quarter hours, rounded up, at least a quarter and at most the ledger's longest posting.</summary>
    public static decimal CreditedHours(DateTime checkedIn, DateTime checkedOut)
    {
        var quarters = Math.Ceiling((checkedOut - checkedIn).TotalMinutes / 15.0);
        return Math.Clamp((decimal)quarters / 4m, 0.25m, TimeCredits.MaxHoursPerPosting);
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
