using Connective.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Connective.Web.Features.Circle;

public sealed record TaskTypeView(int Id, string Code, string Name, string Description, CheckLevel RequiredCheck, HelperTraining RequiredTraining,
    bool FirstVisitInPairs, bool NeedsCheckIn, bool HandlesMoney, int ExpectedMinutes);

public sealed record UpdateView(DateTime At, string Message, bool ByPhone);

public sealed record MyRequestView(long Id, string TaskType, string Details, HelpRequestStatus Status, HelpUrgency Urgency, DateTime CreatedAt,
    DateTime DeadlineAt, DateTime? PreferredAt, IReadOnlyList<string> HelperFirstNames, IReadOnlyList<UpdateView> Updates);

/// <summary>
/// A task as a helper sees it. <see cref="Address"/> is the exact address, present only for a helper who accepted and
/// only while the task is open; before that they see the ward and roughly how far.
/// </summary>
public sealed record HelperTaskView(long RequestId, string TaskType, string Details, string Ward, double DistanceKm, DateTime DeadlineAt, DateTime? PreferredAt,
    HelpRequestStatus RequestStatus, OfferResponse Response, string Reasons, bool NeedsCheckIn, bool HandlesMoney, DateTime? CheckedInAt,
    DateTime? CheckOutDueAt, DateTime? CheckedOutAt, string? RequesterFirstName, string? Address);

public sealed record QueueItemView(long Id, CoordinatorTaskKind Kind, string Summary, DateTime CreatedAt, long? RequestId, int? ResidentId,
    string? ResidentName, string? ResidentPhone, int? HelperResidentId, string? HelperName, string? HelperPhone);

public sealed record HelperLoadView(int ResidentId, string Name, HelperStatus Status, int ActiveTasks, int MaxTasks, int TasksCompleted,
    string Check, DateTime? RecheckDueOn);

public sealed record CoordinatorDashboard(IReadOnlyList<QueueItemView> Queue, int UnansweredRequests, int OverdueCheckOuts, int OpenRequests,
    IReadOnlyList<HelperLoadView> BusiestHelpers, IReadOnlyList<HelperLoadView> RechecksDue, IReadOnlyList<HelperLoadView> Suspended);

/// <summary>A helper and their check as a coordinator records it: what was checked and when, never any conviction.</summary>
public sealed record HelperVettingView(int ResidentId, string Name, string Ward, HelperStatus Status, DateTime? SuspendedAt, string? SuspensionReason,
    int ActiveTasks, int MaxTasks, HelperTraining Training, string Check, CheckScheme? Scheme, CheckLevel? Level, string? CertificateNumber,
    DateTime? IssuedOn, bool? BarredListChecked, bool? UpdateServiceSubscribed, DateTime? LastStatusCheckOn, DateTime? RecheckDueOn);

public sealed record HelperProfileView(int ResidentId, IReadOnlyList<int> TaskTypeIds, IReadOnlyList<DayOfWeek> Days, int FromHour, int ToHour,
    double MaxDistanceKm, int MaxTasks, int ActiveTasks, HelperStatus Status, HelperTraining Training, string Check, DateTime? RecheckDueOn);

public sealed record ResidentMatch(int Id, string Name, int BirthYear, int WardId, string Ward, bool HasAccount, string? Phone);

/// <summary>Reads for Circle's pages and API, projected to what each needs.</summary>
public sealed class CircleQueries(AppDbContext db, TimeProvider time)
{
    /// <summary>How far ahead the dashboard lists re-checks falling due.</summary>
    public static readonly TimeSpan RecheckWindow = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<TaskTypeView>> TaskTypesAsync(CancellationToken ct) =>
        await db.CircleTaskTypes.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new TaskTypeView(t.Id, t.Code, t.Name, t.Description, t.RequiredCheck, t.RequiredTraining, t.FirstVisitInPairs, t.NeedsCheckIn,
                t.HandlesMoney, t.ExpectedMinutes))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<MyRequestView>> RequestsOfAsync(int residentId, CancellationToken ct)
    {
        var requests = await db.HelpRequests.AsNoTracking().Where(r => r.RequesterResidentId == residentId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(50)
            .Join(db.CircleTaskTypes, r => r.TaskTypeId, t => t.Id, (r, t) => new { Request = r, Type = t.Name })
            .ToListAsync(ct);
        var ids = requests.Select(r => r.Request.Id).ToList();
        var updates = await db.RequesterUpdates.AsNoTracking().Where(u => ids.Contains(u.RequestId))
            .OrderBy(u => u.At).ThenBy(u => u.Id)
            .Select(u => new { u.RequestId, View = new UpdateView(u.At, u.Message, u.ByPhone) }).ToListAsync(ct);
        var helpers = await db.HelpOffers.AsNoTracking().Where(o => ids.Contains(o.RequestId) && o.Response == OfferResponse.Accepted)
            .Join(db.Residents, o => o.HelperResidentId, r => r.Id, (o, r) => new { o.RequestId, r.GivenName }).ToListAsync(ct);
        return [.. requests.Select(r => new MyRequestView(r.Request.Id, r.Type, r.Request.Details, r.Request.Status, r.Request.Urgency, r.Request.CreatedAt,
            r.Request.DeadlineAt, r.Request.PreferredAt,
            [.. helpers.Where(h => h.RequestId == r.Request.Id).Select(h => h.GivenName)],
            [.. updates.Where(u => u.RequestId == r.Request.Id).Select(u => u.View)]))];
    }

    /// <summary>The tasks offered to or taken on by a helper: open offers first, then their accepted tasks, then recent history.</summary>
    public async Task<IReadOnlyList<HelperTaskView>> TasksOfHelperAsync(int helperId, CancellationToken ct)
    {
        var home = await db.HelperProfiles.AsNoTracking().Where(h => h.ResidentId == helperId)
            .Select(h => new { h.Latitude, h.Longitude }).SingleOrDefaultAsync(ct);
        if (home is null)
        {
            return [];
        }
        var rows = await (
                from offer in db.HelpOffers.AsNoTracking()
                where offer.HelperResidentId == helperId
                join request in db.HelpRequests on offer.RequestId equals request.Id
                join type in db.CircleTaskTypes on request.TaskTypeId equals type.Id
                join ward in db.Wards on request.WardId equals ward.Id
                join requester in db.Residents on request.RequesterResidentId equals requester.Id
                orderby offer.OfferedAt descending, offer.Id descending
                select new
                {
                    Offer = offer,
                    request.Details,
                    request.DeadlineAt,
                    request.PreferredAt,
                    request.Status,
                    request.Latitude,
                    request.Longitude,
                    Type = type.Name,
                    type.NeedsCheckIn,
                    type.HandlesMoney,
                    Ward = ward.Name,
                    requester.GivenName,
                    requester.HouseholdId,
                })
            .Take(100).ToListAsync(ct);
        // The exact address only for an accepted helper while the task is open: read for those rows alone.
        var revealed = rows.Where(row => CanSeeAddress(row.Offer.Response, row.Status)).Select(row => row.HouseholdId).Distinct().ToList();
        var addresses = await db.Households.AsNoTracking().Where(h => revealed.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.AddressLine + ", " + h.Postcode, ct);
        return [.. rows
            .OrderBy(row => row.Offer.Response == OfferResponse.Pending ? 0 : row.Offer.Response == OfferResponse.Accepted && row.Offer.CheckedOutAt == null ? 1 : 2)
            .Select(row =>
            {
                var accepted = CanSeeAddress(row.Offer.Response, row.Status);
                return new HelperTaskView(row.Offer.RequestId, row.Type, row.Details, row.Ward,
                    Math.Round(Matching.Distances.Kilometres(home.Latitude, home.Longitude, row.Latitude, row.Longitude), 1),
                    row.DeadlineAt, row.PreferredAt, row.Status, row.Offer.Response, row.Offer.Reasons, row.NeedsCheckIn, row.HandlesMoney,
                    row.Offer.CheckedInAt, row.Offer.CheckOutDueAt, row.Offer.CheckedOutAt,
                    row.Offer.Response == OfferResponse.Accepted ? row.GivenName : null,
                    accepted ? addresses.GetValueOrDefault(row.HouseholdId) : null);
            })];
    }

    /// <summary>Only the helper who accepted sees the exact address, and only until the task closes.</summary>
    public static bool CanSeeAddress(OfferResponse response, HelpRequestStatus status) =>
        response == OfferResponse.Accepted && status is HelpRequestStatus.Accepted or HelpRequestStatus.InProgress;

    public async Task<HelperProfileView?> HelperProfileAsync(int residentId, CancellationToken ct)
    {
        var row = await db.HelperProfiles.AsNoTracking().Where(h => h.ResidentId == residentId)
            .Select(h => new { Profile = h, Check = db.VettingRecords.Where(v => v.HelperResidentId == h.ResidentId).Select(v => new { v.Scheme, v.Level, v.RecheckDueOn }).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var h = row.Profile;
        return new HelperProfileView(h.ResidentId,
            [.. Enumerable.Range(0, 63).Where(id => (h.Skills & (1L << id)) != 0)],
            [.. Enum.GetValues<DayOfWeek>().Where(day => (h.AvailableDays & (1 << (int)day)) != 0)],
            h.AvailableFromHour, h.AvailableToHour, h.MaxDistanceKm, h.MaxTasks, h.ActiveTasks, h.Status, h.Training,
            row.Check is null ? "No check recorded" : Vetting.Describe(row.Check.Scheme, row.Check.Level), row.Check?.RecheckDueOn);
    }

    /// <summary>
    /// The coordinator's dashboard for the wards they cover (<paramref name="wards"/>; null means the whole borough):
    /// queue items and counts by the requester's ward, helpers by the ward they live in.
    /// </summary>
    public async Task<CoordinatorDashboard> DashboardAsync(IReadOnlySet<int>? wards, CancellationToken ct)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        var requests = InWards(db.HelpRequests, wards);
        var queue = await (
                from task in db.CoordinatorTasks.AsNoTracking()
                where task.ResolvedAt == null && requests.Any(r => r.Id == task.RequestId)
                join resident in db.Residents on task.ResidentId equals resident.Id into residents
                from resident in residents.DefaultIfEmpty()
                join helper in db.Residents on task.HelperResidentId equals helper.Id into helpers
                from helper in helpers.DefaultIfEmpty()
                orderby task.Kind == CoordinatorTaskKind.OverdueCheckOut descending, task.CreatedAt, task.Id
                select new QueueItemView(task.Id, task.Kind, task.Summary, task.CreatedAt, task.RequestId, task.ResidentId,
                    resident == null ? null : resident.GivenName + " " + resident.FamilyName, resident == null ? null : resident.Phone,
                    task.HelperResidentId, helper == null ? null : helper.GivenName + " " + helper.FamilyName, helper == null ? null : helper.Phone))
            .Take(200).ToListAsync(ct);
        var unanswered = await requests.CountAsync(r => r.Status == HelpRequestStatus.Unanswered
            && db.CoordinatorTasks.Any(t => t.RequestId == r.Id && t.Kind == CoordinatorTaskKind.Unanswered && t.ResolvedAt == null), ct);
        var overdue = await db.HelpOffers.CountAsync(o => o.OverdueAlertedAt != null && o.CheckedOutAt == null && o.Response == OfferResponse.Accepted
                                                          && requests.Any(r => r.Id == o.RequestId), ct);
        var open = await requests.CountAsync(r => r.Status == HelpRequestStatus.Open || r.Status == HelpRequestStatus.Offered
                                                  || r.Status == HelpRequestStatus.Accepted || r.Status == HelpRequestStatus.InProgress, ct);
        var inWards = HelpersIn(wards);
        var busiest = await HelperLoadsAsync(inWards.Where(h => h.ActiveTasks > 0).OrderByDescending(h => h.ActiveTasks).ThenBy(h => h.ResidentId), ct);
        var horizon = today + RecheckWindow;
        var rechecks = await HelperLoadsAsync(inWards
            .Where(h => db.VettingRecords.Any(v => v.HelperResidentId == h.ResidentId && v.RecheckDueOn <= horizon))
            .OrderBy(h => db.VettingRecords.Where(v => v.HelperResidentId == h.ResidentId).Select(v => v.RecheckDueOn).FirstOrDefault()).ThenBy(h => h.ResidentId), ct);
        var suspended = await HelperLoadsAsync(inWards.Where(h => h.Status == HelperStatus.Suspended).OrderBy(h => h.ResidentId), ct);
        return new CoordinatorDashboard(queue, unanswered, overdue, open, busiest, rechecks, suspended);
    }

    /// <summary>A queue item, when it concerns a request in the given wards (null: every ward).</summary>
    public async Task<CoordinatorTask?> QueueItemAsync(long id, IReadOnlySet<int>? wards, CancellationToken ct)
    {
        var requests = InWards(db.HelpRequests, wards);
        return await db.CoordinatorTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && requests.Any(r => r.Id == t.RequestId), ct);
    }

    /// <summary>The ward a request's requester lived in when they asked, or null when there is no such request.</summary>
    public async Task<int?> WardOfRequestAsync(long requestId, CancellationToken ct) =>
        await db.HelpRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => (int?)r.WardId).SingleOrDefaultAsync(ct);

    /// <summary>The ward of the request a queue item is about, or null when there is no such item.</summary>
    public async Task<int?> WardOfQueueItemAsync(long itemId, CancellationToken ct) =>
        await db.CoordinatorTasks.AsNoTracking().Where(t => t.Id == itemId)
            .Join(db.HelpRequests, t => t.RequestId, r => r.Id, (t, r) => (int?)r.WardId).SingleOrDefaultAsync(ct);

    /// <summary>The ward a helper lives in, or null when the resident has not offered to help.</summary>
    public async Task<int?> WardOfHelperAsync(int helperId, CancellationToken ct) =>
        await db.HelperProfiles.AsNoTracking().Where(h => h.ResidentId == helperId)
            .Join(db.Residents, h => h.ResidentId, r => r.Id, (h, r) => (int?)r.WardId).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<HelperLoadView>> HelpersAsync(IReadOnlySet<int>? wards, CancellationToken ct) =>
        await HelperLoadsAsync(HelpersIn(wards).OrderBy(h => h.ResidentId), ct, take: 500);

    /// <summary>
    /// Helpers of the given wards with everything recorded about their check (never convictions), the re-check falling
    /// due first, for the vetting page and API.
    /// </summary>
    public async Task<IReadOnlyList<HelperVettingView>> VettingAsync(IReadOnlySet<int>? wards, int? helperId, CancellationToken ct)
    {
        var helpers = HelpersIn(wards).Where(h => helperId == null || h.ResidentId == helperId);
        var rows = await (
                from helper in helpers.AsNoTracking()
                join resident in db.Residents on helper.ResidentId equals resident.Id
                join ward in db.Wards on resident.WardId equals ward.Id
                join check in db.VettingRecords on helper.ResidentId equals check.HelperResidentId into checks
                from check in checks.DefaultIfEmpty()
                orderby check == null ? 1 : 0, check == null ? DateTime.MaxValue : check.RecheckDueOn, helper.ResidentId
                select new
                {
                    helper.ResidentId,
                    Name = resident.GivenName + " " + resident.FamilyName,
                    Ward = ward.Name,
                    helper.Status,
                    helper.SuspendedAt,
                    helper.SuspensionReason,
                    helper.ActiveTasks,
                    helper.MaxTasks,
                    helper.Training,
                    Check = check,
                })
            .Take(500).ToListAsync(ct);
        return [.. rows.Select(row => new HelperVettingView(row.ResidentId, row.Name, row.Ward, row.Status, row.SuspendedAt, row.SuspensionReason,
            row.ActiveTasks, row.MaxTasks, row.Training,
            row.Check is null ? "No check recorded" : Vetting.Describe(row.Check.Scheme, row.Check.Level),
            row.Check?.Scheme, row.Check?.Level, row.Check?.CertificateNumber, row.Check?.IssuedOn, row.Check?.BarredListChecked,
            row.Check?.UpdateServiceSubscribed, row.Check?.LastStatusCheckOn, row.Check?.RecheckDueOn))];
    }

    /// <summary>Requests whose requester's ward is one of <paramref name="wards"/>; every request when null.</summary>
    private static IQueryable<HelpRequest> InWards(IQueryable<HelpRequest> requests, IReadOnlySet<int>? wards)
    {
        if (wards is null)
        {
            return requests;
        }
        var list = wards.ToList();
        return requests.Where(r => list.Contains(r.WardId));
    }

    /// <summary>Helpers living in one of <paramref name="wards"/>; every helper when null.</summary>
    private IQueryable<HelperProfile> HelpersIn(IReadOnlySet<int>? wards)
    {
        if (wards is null)
        {
            return db.HelperProfiles;
        }
        var list = wards.ToList();
        return db.HelperProfiles.Where(h => db.Residents.Any(r => r.Id == h.ResidentId && list.Contains(r.WardId)));
    }

    private async Task<IReadOnlyList<HelperLoadView>> HelperLoadsAsync(IQueryable<HelperProfile> helpers, CancellationToken ct, int take = 25)
    {
        var rows = await helpers.Take(take)
            .Join(db.Residents, h => h.ResidentId, r => r.Id, (h, r) => new
            {
                h.ResidentId,
                Name = r.GivenName + " " + r.FamilyName,
                h.Status,
                h.ActiveTasks,
                h.MaxTasks,
                h.TasksCompleted,
                Check = db.VettingRecords.Where(v => v.HelperResidentId == h.ResidentId).Select(v => new { v.Scheme, v.Level, v.RecheckDueOn }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(row => new HelperLoadView(row.ResidentId, row.Name, row.Status, row.ActiveTasks, row.MaxTasks, row.TasksCompleted,
            row.Check is null ? "No check recorded" : Vetting.Describe(row.Check.Scheme, row.Check.Level), row.Check?.RecheckDueOn))];
    }

    public async Task<ResidentMatch?> FindResidentsByIdAsync(int id, CancellationToken ct) =>
        await db.Residents.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Wards, r => r.WardId, w => w.Id, (r, w) => new ResidentMatch(r.Id, r.GivenName + " " + r.FamilyName, r.BirthYear, w.Id, w.Name, r.HasAccount, r.Phone))
            .SingleOrDefaultAsync(ct);

    /// <summary>Residents of the given wards (null: every ward) matching a name, for the coordinator's phone request form (offline residents first).</summary>
    public async Task<IReadOnlyList<ResidentMatch>> FindResidentsAsync(string name, IReadOnlySet<int>? wards, CancellationToken ct)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }
        var query = db.Residents.AsNoTracking();
        if (wards is not null)
        {
            var list = wards.ToList();
            query = query.Where(r => list.Contains(r.WardId));
        }
        foreach (var word in words.Take(3))
        {
            // Case-insensitive on both providers (lower() in SQL), keeping apostrophes and hyphens, which are part of
            // names (O'Brien, Smith-Jones); a word also matches the part of a name after a hyphen or a space.
            var kept = new string([.. word.Replace('\u2019', '\'').Where(c => char.IsLetter(c) || c is '\'' or '-')]).ToLowerInvariant();
            if (kept.Length == 0)
            {
                continue;
            }
            var (start, afterHyphen, afterSpace) = (kept + "%", "%-" + kept + "%", "% " + kept + "%");
            query = query.Where(r => EF.Functions.Like(r.GivenName.ToLower(), start) || EF.Functions.Like(r.FamilyName.ToLower(), start)
                || EF.Functions.Like(r.FamilyName.ToLower(), afterHyphen) || EF.Functions.Like(r.GivenName.ToLower(), afterSpace)
                || EF.Functions.Like(r.FamilyName.ToLower(), afterSpace));
        }
        return await query.OrderBy(r => r.HasAccount).ThenBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id).Take(20)
            .Join(db.Wards, r => r.WardId, w => w.Id, (r, w) => new ResidentMatch(r.Id, r.GivenName + " " + r.FamilyName, r.BirthYear, w.Id, w.Name, r.HasAccount, r.Phone))
            .ToListAsync(ct);
    }
}
