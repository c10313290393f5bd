using Connective.Graph;
using Connective.Graph.Generators;
using Connective.Graph.Traversal;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Platform.Access;

namespace Connective.Web.Features.Circle.Demo;

/// <summary>
/// Circle's demo data: helpers (3% of adults, a third of them vetted for home visits), their offers and checks, and some
/// open requests. It also sets up the journey a newcomer (and the browser test) can walk: an offline older resident whose
/// nearest helper is a friend of a friend, and that helper signs in as helper-circle@demo.connective.example.
/// </summary>
internal static class CircleDemo
{
    public const double HelperShareOfAdults = 0.03;
    public const string HelperAccountId = "demo-circle-helper";

    /// <summary>The demo account of the journey's friend-of-a-friend helper.</summary>
    public const string HelperEmail = "helper-circle@demo.connective.example";

    /// <summary>Skills of helpers without a check for home visits: tasks needing at most a Basic check.</summary>
    private static readonly int[] LightTasks = [CircleTaskTypes.DigitalHelp, CircleTaskTypes.Gardening, CircleTaskTypes.MeetupCompany];

    public static async Task<int> WriteAsync(AppDbContext db, DemoBorough borough, IReadOnlyList<Resident> people, IEnumerable<Consent> consents,
        DateTime now, CancellationToken cancellationToken)
    {
        var graph = borough.Graph;
        var random = new SeededRandom(graph.Seed ^ 0xC1C1_E000_0000_0006UL);
        var today = now.Date;
        var helping = consents.Where(c => c.Purpose == ConsentPurpose.FindHelpThroughMyNetwork && c.WithdrawnAt == null)
            .Select(c => c.ResidentId).ToHashSet();
        var age = people.ToDictionary(p => p.Id, p => now.Year - p.BirthYear);
        var byId = people.ToDictionary(p => p.Id);

        // The journey: an offline resident of 70 or more with a friend of a friend who can help, and no other helper within three steps.
        // Looked for first in ward A (the demo Resident's), where the demo Coordinator works: coordinators act only in their wards.
        var network = ConsentedDemoGraph(graph, helping);
        var search = new BoundedBfs(network);
        (int Requester, int Helper, HashSet<int> Near)? journey = null;
        var wardA = people[0].WardId;
        foreach (var person in people.Where(p => !p.HasAccount && age[p.Id] >= 70 && helping.Contains(p.Id)).OrderBy(p => p.WardId == wardA ? 0 : 1).ThenBy(p => p.Id).Select(p => p.Id))
        {
            // Nobody within three steps may be a helper but the one friend of a friend, so that they are the first asked.
            var reached = search.Run(person - 1, 3);
            var near = new HashSet<int>();
            int? helper = null;
            for (var i = 1; i < reached.Count; i++)
            {
                var id = reached.Nodes[i] + 1;
                near.Add(id);
                var candidate = byId[id];
                if (helper is null && reached.Depths[i] == 2 && candidate.HasAccount && age[id] is >= 25 and <= 70 && candidate.HouseholdId != byId[person].HouseholdId
                    && Features.Circle.Matching.Distances.Kilometres(candidate.Latitude, candidate.Longitude, byId[person].Latitude, byId[person].Longitude) < 8)
                {
                    helper = id;
                }
            }
            if (helper is { } found)
            {
                near.Remove(found);
                journey = (person, found, near);
                break;
            }
        }

        // Helpers: 3% of adults with an account, never anyone near the journey's requester but their friend of a friend.
        var adults = people.Where(p => age[p.Id] is >= 18 and <= 80 && p.HasAccount && (journey is null || !journey.Value.Near.Contains(p.Id)) && p.Id != journey?.Requester)
            .Select(p => p.Id).ToArray();
        random.Shuffle(adults.AsSpan());
        var adultCount = people.Count(p => age[p.Id] >= 18);
        var chosen = adults.Take(Math.Max(1, (int)Math.Round(adultCount * HelperShareOfAdults))).ToList();
        if (journey is { } j && !chosen.Contains(j.Helper))
        {
            chosen[^1] = j.Helper;
        }
        chosen.Sort();

        var profiles = new List<HelperProfile>(chosen.Count);
        var checks = new List<VettingRecord>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var id = chosen[i];
            var person = byId[id];
            // A third vetted for home visits (Enhanced with the barred list), a third with a Basic check, a third none.
            var tier = id == journey?.Helper ? 0 : random.NextInt(3);
            // The journey's helper offers home visits only, so the demo's open requests never crowd their first week.
            var skills = id == journey?.Helper
                ? CircleTaskTypes.Defaults.Where(type => type.RequiredCheck >= CheckLevel.Enhanced).Aggregate(0L, (bits, type) => bits | type.SkillBit)
                : tier == 0
                ? CircleTaskTypes.Defaults.Aggregate(0L, (bits, type) => bits | type.SkillBit)
                : LightTasks.Where(_ => random.NextBool(0.7)).Append(LightTasks[random.NextInt(LightTasks.Length)]).Aggregate(0L, (bits, type) => bits | (1L << type));
            var days = 0;
            for (var day = 0; day < 7; day++)
            {
                days |= random.NextBool(0.6) ? 1 << day : 0;
            }
            var fromHour = 8 + random.NextInt(4);
            profiles.Add(new HelperProfile
            {
                ResidentId = id,
                Skills = skills,
                AvailableDays = id == journey?.Helper ? 0x7F : days | (1 << random.NextInt(7)),
                AvailableFromHour = id == journey?.Helper ? 0 : fromHour,
                AvailableToHour = id == journey?.Helper ? 24 : fromHour + 4 + random.NextInt(8),
                MaxDistanceKm = id == journey?.Helper ? 9 : 1 + random.NextInt(5),
                MaxTasks = 1 + random.NextInt(3),
                Training = tier == 0 ? HelperTraining.Safeguarding | HelperTraining.LoneWorking | HelperTraining.MoneyHandling
                    : tier == 1 ? HelperTraining.LoneWorking : HelperTraining.None,
                Status = HelperStatus.Active,
                Latitude = Math.Round(person.Latitude, 3),
                Longitude = Math.Round(person.Longitude, 3),
                CreatedAt = now.AddDays(-random.NextInt(10, 700)),
            });
            if (tier < 2)
            {
                var issued = today.AddDays(-random.NextInt(30, 3 * 365));
                var scheme = random.NextInt(20) switch { 0 => CheckScheme.Pvg, 1 => CheckScheme.AccessNi, _ => CheckScheme.Dbs };
                var updateService = random.NextBool(0.4);
                checks.Add(new VettingRecord
                {
                    HelperResidentId = id,
                    Scheme = scheme,
                    Level = tier == 0 ? CheckLevel.EnhancedWithAdultsBarredList : CheckLevel.Basic,
                    CertificateNumber = $"{random.NextInt(100_000, 1_000_000):D6}{random.NextInt(100_000, 1_000_000):D6}",
                    IssuedOn = issued,
                    BarredListChecked = tier == 0,
                    UpdateServiceSubscribed = updateService,
                    LastStatusCheckOn = updateService ? today.AddDays(-random.NextInt(1, 60)) : null,
                    // Policy: re-check three years after issue. The journey's helper is always well within it.
                    RecheckDueOn = id == journey?.Helper ? today.AddYears(2) : issued.AddYears(3),
                    RecordedByAccountId = "demo-coordinator",
                    RecordedAt = issued.AddDays(random.NextInt(1, 20)),
                });
            }
        }
        db.HelperProfiles.AddRange(profiles);
        db.VettingRecords.AddRange(checks);
        await db.SaveChangesAsync(cancellationToken);

        // A few open requests from online residents for help that needs no home-visit check, offered by the scheduler at start.
        var requesters = people.Where(p => p.HasAccount && age[p.Id] >= 60 && (journey is null || !journey.Value.Near.Contains(p.Id))).Select(p => p.Id).ToArray();
        random.Shuffle(requesters.AsSpan());
        string[] details = ["Help setting up video calls with my grandchildren.", "The front hedge needs cutting back.", "Company at the Tuesday lunch club.",
            "Help filling in an online form for a bus pass.", "Weeding the back garden before the spring."];
        var requests = requesters.Take(Math.Max(3, people.Count / 1000)).Select(id => new HelpRequest
        {
            RequesterResidentId = id,
            TaskTypeId = LightTasks[random.NextInt(LightTasks.Length)],
            Details = details[random.NextInt(details.Length)],
            WardId = byId[id].WardId,
            Latitude = Math.Round(byId[id].Latitude, 3),
            Longitude = Math.Round(byId[id].Longitude, 3),
            Urgency = HelpUrgency.Routine,
            DeadlineAt = now.AddDays(3 + random.NextInt(5)),
            Status = HelpRequestStatus.Open,
            CreatedAt = now.AddHours(-random.NextInt(1, 24)),
            RecordedByAccountId = "demo-resident",
            PlacesNeeded = 1,
            NextActionAt = now,
        }).ToList();
        db.HelpRequests.AddRange(requests);
        await db.SaveChangesAsync(cancellationToken);

        var accounts = 0;
        if (journey is { } walk)
        {
            // The journey's helper signs in with their own demo account (the shared Helper account has no resident record).
            var user = DemoAccounts.AddAccount(db, new(), HelperAccountId, HelperEmail, Roles.Helper, byId[walk.Helper].WardId, now);
            user.ResidentId = walk.Helper;
            await db.SaveChangesAsync(cancellationToken);
            accounts = 4; // the account, its role, where it holds it, and its authenticator key
        }
        return profiles.Count + checks.Count + requests.Count + accounts;
    }

    /// <summary>The demo's ties between people who both consent to finding help through their network (ids 0-based).</summary>
    private static CsrGraph ConsentedDemoGraph(GeneratedCommunity graph, HashSet<int> consenting)
    {
        var builder = new GraphBuilder { DuplicateEdges = DuplicateEdgePolicy.Merge, SelfLoops = SelfLoopPolicy.Drop };
        builder.DeclareNodes(graph.PersonCount);
        for (var i = 0; i < graph.TieCount; i++)
        {
            if (consenting.Contains(graph.TieU[i] + 1) && consenting.Contains(graph.TieV[i] + 1))
            {
                builder.AddEdge(graph.TieU[i], graph.TieV[i]);
            }
        }
        return builder.Build();
    }
}
