using Connective.Graph.Traversal;
using Connective.Web.Data;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web.Features.Insight;

/// <summary>
/// Insight's read side. Every view starts from <see cref="InsightNetwork.GetAsync"/> (the current consent-filtered graph)
/// and shows only people it includes and the viewer's scope covers; ties come only from the consent path.
/// </summary>
public sealed class InsightQueries(AppDbContext db, InsightNetwork insight, ConsentedNetwork network, TimeProvider time, IOptions<InsightOptions> options)
{
    public const int PageSize = 25;
    private static readonly string[] AgeBands = ["0 to 15", "16 to 64", "65 to 74", "75 and over"];

    public Task<InsightView> ViewAsync(CancellationToken cancellationToken) => insight.GetAsync(db, cancellationToken);

    public async Task<IReadOnlyList<InsightWard>> WardsAsync(InsightScope scope, CancellationToken cancellationToken) =>
        [.. (await db.Wards.AsNoTracking().OrderBy(ward => ward.Name).Select(ward => new InsightWard(ward.Id, ward.Code, ward.Name)).ToListAsync(cancellationToken))
            .Where(ward => scope.Covers(ward.Id))];

    public async Task<InsightWard?> WardAsync(string code, CancellationToken cancellationToken) =>
        await db.Wards.AsNoTracking().Where(ward => ward.Code == code).Select(ward => new InsightWard(ward.Id, ward.Code, ward.Name)).SingleOrDefaultAsync(cancellationToken);

    public SnapshotAge Age(InsightView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var measures = view.Measures;
        return new SnapshotAge(view.Network.Version, measures.Version, measures.BuiltAt,
            Math.Max(0, (time.GetUtcNow().UtcDateTime - measures.BuiltAt).TotalSeconds), view.MeasuresAreOlder,
            measures.BuildTime.TotalSeconds, measures.BetweennessEstimated);
    }

    public static Coverage CoverageOf(InsightView view, Func<int, bool> inView)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(inView);
        int residents = 0, inNetwork = 0;
        foreach (var id in view.People.Residents())
        {
            if (inView(view.People.WardOf(id)))
            {
                residents++;
                if (view.Shows(id))
                {
                    inNetwork++;
                }
            }
        }
        return new Coverage(residents, inNetwork, residents - inNetwork);
    }

    public async Task<InsightSummary> SummaryAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(cancellationToken);
        return new InsightSummary(Age(view), CoverageOf(view, scope.Covers), await WardsAsync(scope, cancellationToken));
    }

    /// <summary>
    /// People in the scope (one ward, or every ward it covers) with no ties or reaching few people within two steps,
    /// those with a recent life event first, then the oldest, then the least reach.
    /// </summary>
    public async Task<IsolationList> IsolationAsync(InsightScope scope, InsightWard? ward, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var view = await ViewAsync(cancellationToken);
        bool InView(int wardId) => scope.Covers(wardId) && (ward is null || ward.Id == wardId);
        var threshold = options.Value.MinReachWithinTwoSteps;
        var year = time.GetUtcNow().Year;
        var recentSince = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RecentLifeEventDays);
        var events = await RecentEventsAsync(recentSince, cancellationToken);

        var listed = new List<int>();
        foreach (var id in view.People.Residents())
        {
            if (view.Shows(id) && InView(view.People.WardOf(id)) && view.People.ReachWithinTwo[id] < threshold)
            {
                listed.Add(id);
            }
        }
        var ordered = listed
            .OrderByDescending(id => events.ContainsKey(id))
            .ThenBy(id => view.People.BirthYearOf(id))
            .ThenBy(id => view.People.ReachWithinTwo[id])
            .ThenBy(id => id)
            .ToList();
        var pageCount = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var names = await NamesAsync(shown, cancellationToken);
        var wardNames = await WardNamesAsync(cancellationToken);
        var help = await HelpByWardAsync(cancellationToken);

        var people = shown.Select(id =>
        {
            var ties = view.Network.Graph.Degree(id);
            var reach = view.People.ReachWithinTwo[id];
            var age = year - view.People.BirthYearOf(id);
            var why = new List<string>
            {
                ties == 0 ? "No ties in the network" : $"{Plural(ties, "tie")}, reaching {Plural(reach, "person", "people")} within two steps (fewer than {threshold})",
            };
            if (age >= 75)
            {
                why.Add($"Aged {age}");
            }
            foreach (var lifeEvent in events.GetValueOrDefault(id, []))
            {
                why.Add($"{Describe(lifeEvent.Kind)} on {lifeEvent.OccurredAt:d MMMM yyyy}");
            }
            var wardId = view.People.WardOf(id);
            return new IsolationEntry(id, names.GetValueOrDefault(id, "(no name)"), age, wardNames.GetValueOrDefault(wardId, ""), ties, reach,
                why, help.GetValueOrDefault(wardId, ["No circle meets in this ward yet: a circle nearby, or an introduction by a practitioner"]));
        }).ToList();
        return new IsolationList(Age(view), CoverageOf(view, InView), ward?.Code, ordered.Count, page, pageCount, people);
    }

    /// <summary>
    /// The widow effect: for every bereavement in the last <see cref="InsightOptions.CheckInDays"/> days, the bereaved
    /// person and their close ties (household, family, friends) who consent, for a check-in until the period ends.
    /// </summary>
    public async Task<CheckInList> CheckInsAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var view = await ViewAsync(cancellationToken);
        var days = options.Value.CheckInDays;
        var now = time.GetUtcNow().UtcDateTime;
        var bereavements = await db.LifeEvents.AsNoTracking()
            .Where(row => row.Kind == LifeEventKind.Bereavement && row.OccurredAt >= now.AddDays(-days))
            .OrderBy(row => row.OccurredAt).ThenBy(row => row.Id)
            .Select(row => new { row.ResidentId, row.OccurredAt }).ToListAsync(cancellationToken);
        var flagged = new Dictionary<int, (string Why, DateTime Until)>();
        foreach (var bereavement in bereavements)
        {
            if (!view.Shows(bereavement.ResidentId))
            {
                continue;
            }
            var until = bereavement.OccurredAt.AddDays(days);
            Flag(bereavement.ResidentId, $"Bereaved on {bereavement.OccurredAt:d MMMM yyyy}", until);
            foreach (var tie in await network.TiesOfAsync(db, bereavement.ResidentId, ConsentPurpose.NetworkInsight, cancellationToken))
            {
                if (tie.Kind is TieKind.Household or TieKind.Family or TieKind.Friend && view.Shows(tie.OtherResidentId))
                {
                    Flag(tie.OtherResidentId, $"Close to someone bereaved on {bereavement.OccurredAt:d MMMM yyyy} ({tie.Kind.ToString().ToLowerInvariant()})", until);
                }
            }
        }

        void Flag(int id, string why, DateTime until)
        {
            // The bereaved person's own reason wins; otherwise the latest end of the period.
            if (!flagged.TryGetValue(id, out var current) || (until > current.Until && !current.Why.StartsWith("Bereaved", StringComparison.Ordinal)))
            {
                flagged[id] = (why, until);
            }
        }

        var inScope = flagged.Keys.Where(id => scope.Covers(view.People.WardOf(id))).ToList();
        var names = await NamesAsync(inScope, cancellationToken);
        var wardNames = await WardNamesAsync(cancellationToken);
        var year = time.GetUtcNow().Year;
        var people = inScope
            .Select(id => new CheckIn(id, names.GetValueOrDefault(id, "(no name)"), year - view.People.BirthYearOf(id),
                wardNames.GetValueOrDefault(view.People.WardOf(id), ""), flagged[id].Why, flagged[id].Until))
            .OrderBy(person => person.Until).ThenBy(person => person.Name, StringComparer.Ordinal).ThenBy(person => person.ResidentId)
            .ToList();
        return new CheckInList(Age(view), CoverageOf(view, scope.Covers), days, people);
    }

    /// <summary>A person's reach within one, two and three steps and their measures; null when Insight may not show them.</summary>
    public async Task<PersonReach?> ReachAsync(InsightScope scope, int residentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var view = await ViewAsync(cancellationToken);
        if (!view.Shows(residentId) || !scope.Covers(view.People.WardOf(residentId)))
        {
            return null;
        }
        var counts = new int[4];
        var search = new BoundedBfs(view.Network.Graph).Run(residentId, 3);
        foreach (var depth in search.Depths)
        {
            counts[depth]++;
        }
        var ties = await network.TiesOfAsync(db, residentId, ConsentPurpose.NetworkInsight, cancellationToken);
        var visible = ties.Where(tie => view.Shows(tie.OtherResidentId) && scope.Covers(view.People.WardOf(tie.OtherResidentId))).ToList();
        var names = await NamesAsync([residentId, .. visible.Select(tie => tie.OtherResidentId)], cancellationToken);
        var wardNames = await WardNamesAsync(cancellationToken);
        var codes = await db.Wards.AsNoTracking().ToDictionaryAsync(ward => ward.Id, ward => ward.Code, cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RecentLifeEventDays);
        var events = (await RecentEventsAsync(since, cancellationToken)).GetValueOrDefault(residentId, []);
        var constraint = view.Measure(view.Measures.Constraint, residentId);
        var wardId = view.People.WardOf(residentId);
        return new PersonReach(residentId, names.GetValueOrDefault(residentId, "(no name)"), time.GetUtcNow().Year - view.People.BirthYearOf(residentId),
            wardNames.GetValueOrDefault(wardId, ""), codes.GetValueOrDefault(wardId, ""),
            counts[1], counts[1] + counts[2], counts[1] + counts[2] + counts[3],
            view.CommunityOf(residentId), double.IsNaN(constraint) ? null : constraint, Finite(view.Measure(view.Measures.Betweenness, residentId)),
            residentId < view.Measures.CoreNumber.Length ? view.Measures.CoreNumber[residentId] : 0,
            [.. visible.Select(tie => new ReachTie(tie.OtherResidentId, names.GetValueOrDefault(tie.OtherResidentId), tie.Kind.ToString(),
                wardNames.GetValueOrDefault(view.People.WardOf(tie.OtherResidentId))))],
            ties.Count(tie => view.Shows(tie.OtherResidentId)) - visible.Count,
            [.. events.Select(lifeEvent => $"{Describe(lifeEvent.Kind)} on {lifeEvent.OccurredAt:d MMMM yyyy}")],
            Age(view));
    }

    /// <summary>The ward's people who join otherwise separate groups: highest betweenness, with their constraint.</summary>
    public async Task<BrokerList> BrokersAsync(InsightWard ward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ward);
        var view = await ViewAsync(cancellationToken);
        var graph = view.Network.Graph;
        var top = view.People.Residents()
            .Where(id => view.Shows(id) && view.People.WardOf(id) == ward.Id && graph.Degree(id) > 1)
            .OrderByDescending(id => Finite(view.Measure(view.Measures.Betweenness, id)))
            .ThenBy(id => id)
            .Take(PageSize)
            .ToList();
        var names = await NamesAsync(top, cancellationToken);
        var people = top.Select(id =>
        {
            var constraint = view.Measure(view.Measures.Constraint, id);
            var touched = new HashSet<int>();
            foreach (var other in graph.Neighbors(id))
            {
                touched.Add(view.CommunityOf(other));
            }
            return new Broker(id, names.GetValueOrDefault(id, "(no name)"), ward.Name, graph.Degree(id), Finite(view.Measure(view.Measures.Betweenness, id)),
                double.IsNaN(constraint) ? null : constraint, touched.Count);
        }).ToList();
        return new BrokerList(Age(view), CoverageOf(view, wardId => wardId == ward.Id), ward.Code, people);
    }

    /// <summary>The ward's communities, the ties between them among the ward's people, and the ward's figures beside the borough's.</summary>
    public async Task<WardInsight> WardInsightAsync(InsightWard ward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ward);
        var view = await ViewAsync(cancellationToken);
        var graph = view.Network.Graph;
        var inWard = new Dictionary<int, int>();
        var inBorough = new Dictionary<int, int>();
        var tiesInWard = new Dictionary<int, int>();
        var bridges = new Dictionary<(int, int), int>();
        foreach (var id in view.People.Residents())
        {
            if (!view.Shows(id))
            {
                continue;
            }
            var community = view.CommunityOf(id);
            inBorough[community] = inBorough.GetValueOrDefault(community) + 1;
            if (view.People.WardOf(id) != ward.Id)
            {
                continue;
            }
            inWard[community] = inWard.GetValueOrDefault(community) + 1;
            foreach (var other in graph.Neighbors(id))
            {
                if (other <= id || view.People.WardOf(other) != ward.Id || !view.Shows(other))
                {
                    continue;
                }
                var otherCommunity = view.CommunityOf(other);
                if (otherCommunity == community)
                {
                    tiesInWard[community] = tiesInWard.GetValueOrDefault(community) + 1;
                }
                else
                {
                    var key = community < otherCommunity ? (community, otherCommunity) : (otherCommunity, community);
                    bridges[key] = bridges.GetValueOrDefault(key) + 1;
                }
            }
        }
        var communities = inWard
            .Select(entry => new WardCommunity(entry.Key, entry.Value, inBorough.GetValueOrDefault(entry.Key), tiesInWard.GetValueOrDefault(entry.Key)))
            .OrderByDescending(community => community.PeopleInWard).ThenBy(community => community.Community)
            .ToList();
        var bridgeList = bridges.Select(entry => new CommunityBridge(entry.Key.Item1, entry.Key.Item2, entry.Value))
            .OrderByDescending(bridge => bridge.Ties).ThenBy(bridge => bridge.CommunityA).ThenBy(bridge => bridge.CommunityB)
            .ToList();
        return new WardInsight(Age(view), CoverageOf(view, wardId => wardId == ward.Id),
            Figures(view, ward.Code, ward.Name, wardId => wardId == ward.Id),
            Figures(view, "", "Borough", wardId => wardId != 0),
            communities, bridgeList);
    }

    /// <summary>
    /// The map's data for one ward or every ward in scope: people by resident number, positions from the snapshot's
    /// layout, community and the chosen measure; ties with both ends shown.
    /// </summary>
    public async Task<MapData?> MapAsync(InsightScope scope, InsightWard? ward, string? ageBand, string measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var view = await ViewAsync(cancellationToken);
        var graph = view.Network.Graph;
        var year = time.GetUtcNow().Year;
        var wardNames = await WardNamesAsync(cancellationToken);
        bool InView(int wardId) => scope.Covers(wardId) && (ward is null || ward.Id == wardId);
        var ids = view.People.Residents()
            .Where(id => view.Shows(id) && InView(view.People.WardOf(id)) && (ageBand is null || AgeBand(year - view.People.BirthYearOf(id)) == ageBand))
            .ToList();
        if (ids.Count > options.Value.MapMaxPeople)
        {
            return null;
        }
        var onMap = ids.ToHashSet();
        var x = view.Measures.X;
        var y = view.Measures.Y;
        var hasLayout = x is not null && y is not null;
        var nodes = ids.Select(id => new MapNode(id,
            hasLayout && id < x!.Length ? x[id] : 0, hasLayout && id < y!.Length ? y[id] : 0,
            view.CommunityOf(id), MeasureOf(view, measure, id), wardNames.GetValueOrDefault(view.People.WardOf(id), ""),
            AgeBand(year - view.People.BirthYearOf(id)), graph.Degree(id))).ToList();
        var edges = new List<int[]>();
        foreach (var id in ids)
        {
            foreach (var other in graph.Neighbors(id))
            {
                if (other > id && onMap.Contains(other))
                {
                    edges.Add([id, other]);
                }
            }
        }
        return new MapData(Age(view), CoverageOf(view, InView), measure, hasLayout, nodes, edges);
    }

    /// <summary>The measures the map can size people by.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Measures =
    [
        ("ties", "Ties"), ("reach", "Reach within two steps"), ("betweenness", "Betweenness"), ("brokerage", "Brokerage (1 − constraint)"), ("core", "Core number"),
    ];

    public static string? AgeBandByName(string? band) => band is not null && AgeBands.Contains(band) ? band : null;

    public static IReadOnlyList<string> AllAgeBands => AgeBands;

    /// <summary>People in scope whose name contains the text (at most 10), for the map's search.</summary>
    public async Task<IReadOnlyList<NameMatch>> SearchAsync(InsightScope scope, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var view = await ViewAsync(cancellationToken);
        var pattern = "%" + text.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
        var candidates = await db.Residents.AsNoTracking()
            .Where(resident => EF.Functions.Like(resident.GivenName + " " + resident.FamilyName, pattern))
            .OrderBy(resident => resident.FamilyName).ThenBy(resident => resident.GivenName).ThenBy(resident => resident.Id)
            .Select(resident => new { resident.Id, Name = resident.GivenName + " " + resident.FamilyName, resident.WardId })
            .Take(200).ToListAsync(cancellationToken);
        var wardNames = await WardNamesAsync(cancellationToken);
        return [.. candidates.Where(row => view.Shows(row.Id) && scope.Covers(row.WardId)).Take(10)
            .Select(row => new NameMatch(row.Id, row.Name, wardNames.GetValueOrDefault(row.WardId, "")))];
    }

    private static double MeasureOf(InsightView view, string measure, int id) => measure switch
    {
        "reach" => view.People.ReachWithinTwo[id],
        "betweenness" => Finite(view.Measure(view.Measures.Betweenness, id)),
        "brokerage" => double.IsNaN(view.Measure(view.Measures.Constraint, id)) ? 0 : Math.Max(0, 1 - view.Measure(view.Measures.Constraint, id)),
        "core" => id < view.Measures.CoreNumber.Length ? view.Measures.CoreNumber[id] : 0,
        _ => view.Network.Graph.Degree(id),
    };

    private NetworkFigures Figures(InsightView view, string code, string name, Func<int, bool> inView)
    {
        var threshold = options.Value.MinReachWithinTwoSteps;
        int people = 0, alone = 0, low = 0;
        long ties = 0, reach = 0;
        var communities = new HashSet<int>();
        foreach (var id in view.People.Residents())
        {
            if (!view.Shows(id) || !inView(view.People.WardOf(id)))
            {
                continue;
            }
            people++;
            var degree = view.Network.Graph.Degree(id);
            ties += degree;
            alone += degree == 0 ? 1 : 0;
            low += view.People.ReachWithinTwo[id] < threshold ? 1 : 0;
            reach += view.People.ReachWithinTwo[id];
            communities.Add(view.CommunityOf(id));
        }
        var coverage = CoverageOf(view, inView);
        double Share(long part) => people == 0 ? 0 : (double)part / people;
        return new NetworkFigures(code, name, people, coverage.LeftOutForLackOfConsent, Share(ties), Share(alone), Share(low), Share(reach), communities.Count);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    public static string AgeBand(int age) => age switch { <= 15 => AgeBands[0], <= 64 => AgeBands[1], <= 74 => AgeBands[2], _ => AgeBands[3] };

    public static string Describe(LifeEventKind kind) => kind switch
    {
        LifeEventKind.Bereavement => "Bereavement",
        LifeEventKind.HospitalDischarge => "Came home from hospital",
        LifeEventKind.MovedHome => "Moved home",
        LifeEventKind.BecameCarer => "Became a carer",
        _ => kind.ToString(),
    };

    private static string Plural(int count, string one, string? many = null) => count == 1 ? $"1 {one}" : $"{count} {many ?? one + "s"}";

    private async Task<Dictionary<int, List<LifeEvent>>> RecentEventsAsync(DateTime since, CancellationToken cancellationToken) =>
        (await db.LifeEvents.AsNoTracking().Where(row => row.OccurredAt >= since).OrderBy(row => row.OccurredAt).ThenBy(row => row.Id).ToListAsync(cancellationToken))
            .GroupBy(row => row.ResidentId).ToDictionary(group => group.Key, group => group.ToList());

    private async Task<Dictionary<int, string>> NamesAsync(List<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.Residents.AsNoTracking().Where(resident => ids.Contains(resident.Id))
            .ToDictionaryAsync(resident => resident.Id, resident => resident.GivenName + " " + resident.FamilyName, cancellationToken);

    private async Task<Dictionary<int, string>> WardNamesAsync(CancellationToken cancellationToken) =>
        await db.Wards.AsNoTracking().ToDictionaryAsync(ward => ward.Id, ward => ward.Name, cancellationToken);

    /// <summary>
    /// What could help, per ward: its circles. (Services would belong here too, but the directory is moving into the
    /// Services area, which Insight may not name; it should offer them through a plug-in.)
    /// </summary>
    private async Task<Dictionary<int, IReadOnlyList<string>>> HelpByWardAsync(CancellationToken cancellationToken) =>
        (await db.Circles.AsNoTracking().Select(circle => new { circle.WardId, circle.Name }).ToListAsync(cancellationToken))
            .GroupBy(circle => circle.WardId)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)[.. group.Select(circle => circle.Name).Order(StringComparer.Ordinal)
                .Select(name => $"A circle nearby: {name}")]);
}
