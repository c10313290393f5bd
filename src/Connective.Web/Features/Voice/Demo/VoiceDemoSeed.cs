using System.Globalization;
using Connective.Web.Demo;
using Connective.Web.Features.Voice.Budgets;

namespace Connective.Web.Features.Voice.Demo;

/// <summary>
/// Voice's part of the demo borough: a borough-wide budget that closed last month with its ballots (so the results page
/// has something to explain), and one open for voting now. Deterministic from the seed. Ballots are written with random
/// ids drawn from the seed and in an order unrelated to the participation rows, as the real ballot box keeps them.
/// </summary>
internal sealed class VoiceDemoSeed : IDemoSeedParticipant
{
    public int Order => 300;

    private static readonly (string Title, string Description, long Pounds, double Appeal)[] ClosedProjects =
    [
        ("Street trees on the high street", "Twenty new trees with guards and three years of watering.", 24_000, 0.55),
        ("Youth club evenings", "Two more evenings a week at the youth club, staffed, for a year.", 18_000, 0.35),
        ("Benches on the walk to the station", "Eight benches with arms, for people who need a rest on the way.", 6_000, 0.45),
        ("Free swimming for over-65s", "Weekday morning sessions at the leisure centre, free for a year.", 15_000, 0.30),
        ("Community fridge", "A fridge and a volunteer rota at the library to share surplus food.", 4_000, 0.40),
        ("Skate park repairs", "Resurface the ramps and fix the lights at the skate park.", 21_000, 0.20),
        ("Play street closures", "Close six residential streets to traffic one Sunday a month for play.", 3_000, 0.25),
    ];

    private static readonly (string Title, string Description, long Pounds)[] OpenProjects =
    [
        ("Allotment water tanks", "Rain-water tanks for the three allotment sites.", 9_000),
        ("Library homework club", "A staffed homework club three afternoons a week.", 14_000),
        ("Safer crossing by the primary school", "A raised crossing with flashing signs.", 22_000),
        ("Bike repair cafe", "Tools, a stand and a monthly volunteer-run repair cafe.", 5_000),
        ("Warm space in winter", "Keep the community centre open and heated on winter evenings.", 12_000),
    ];

    public async Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var db = demo.Db;
        var random = new Random(unchecked((int)demo.Seed) ^ 0x5f0ce);
        var closed = new PbProcess
        {
            Title = "Neighbourhood fund " + demo.Now.AddYears(-1).Year.ToString(CultureInfo.InvariantCulture),
            Summary = "£60,000 for small projects that residents proposed, chosen by a vote of the whole borough.",
            BudgetPence = 60_000_00,
            Format = BallotFormat.Knapsack,
            Rule = CountingRule.EqualSharesAdd1,
            IdeasOpenAt = demo.Now.AddDays(-120),
            VotingOpensAt = demo.Now.AddDays(-60),
            VotingClosesAt = demo.Now.AddDays(-30),
            CreatedAt = demo.Now.AddDays(-130),
        };
        var open = new PbProcess
        {
            Title = "Winter and young people fund",
            Summary = "£40,000 for projects for the winter months and for young people. Choose the projects you support, up to the budget.",
            BudgetPence = 40_000_00,
            Format = BallotFormat.Knapsack,
            Rule = CountingRule.EqualSharesAdd1,
            IdeasOpenAt = demo.Now.AddDays(-40),
            VotingOpensAt = demo.Now.AddDays(-7),
            VotingClosesAt = demo.Now.AddDays(21),
            CreatedAt = demo.Now.AddDays(-45),
        };
        db.PbProcesses.AddRange(closed, open);
        await db.SaveChangesAsync(cancellationToken);
        var closedProjects = ClosedProjects.Select(p => new PbProject { ProcessId = closed.Id, Title = p.Title, Description = p.Description, CostPence = p.Pounds * 100 }).ToList();
        db.PbProjects.AddRange(closedProjects);
        db.PbProjects.AddRange(OpenProjects.Select(p => new PbProject { ProcessId = open.Id, Title = p.Title, Description = p.Description, CostPence = p.Pounds * 100 }));
        await db.SaveChangesAsync(cancellationToken);

        // About one resident in eight voted in the closed process (never the demo accounts' own resident, so they can try voting).
        var voters = demo.People.Skip(1).Where(_ => random.NextDouble() < 0.125).ToList();
        var ballots = new List<PbBallot>();
        foreach (var voter in voters)
        {
            db.PbParticipations.Add(new PbParticipation { ProcessId = closed.Id, ResidentId = voter.Id });
            var chosen = new List<PbProject>();
            long spent = 0;
            foreach (var index in Enumerable.Range(0, closedProjects.Count).OrderBy(_ => random.Next()))
            {
                var project = closedProjects[index];
                if (random.NextDouble() < ClosedProjects[index].Appeal && spent + project.CostPence <= closed.BudgetPence)
                {
                    chosen.Add(project);
                    spent += project.CostPence;
                }
            }
            if (chosen.Count == 0)
            {
                chosen.Add(closedProjects[random.Next(closedProjects.Count)]);
            }
            ballots.Add(new PbBallot
            {
                Id = random.NextInt64(1, long.MaxValue),
                ProcessId = closed.Id,
                Choices = string.Join(',', chosen.Select(project => project.Id).Order().Select(id => id.ToString(CultureInfo.InvariantCulture))),
                ReceiptHash = SecretBallot.Hash(SecretBallot.NewReceipt()),
                CastOn = DateOnly.FromDateTime(closed.VotingOpensAt.AddDays(random.Next(30))),
            });
        }
        db.PbBallots.AddRange(ballots.OrderBy(ballot => ballot.Id));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return 2 + closedProjects.Count + OpenProjects.Length + voters.Count * 2;
    }
}
