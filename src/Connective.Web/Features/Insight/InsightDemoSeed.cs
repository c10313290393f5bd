using Connective.Graph.Generators;
using Connective.Web.Demo;

namespace Connective.Web.Features.Insight;

/// <summary>
/// Insight's part of the demo borough: a few recent life events among older residents (about one in 150 of those over
/// 65 bereaved in the last six weeks, as many home from hospital), so the check-in and isolation lists have entries.
/// </summary>
internal sealed class InsightDemoSeed : IDemoSeedParticipant
{
    /// <summary>What <see cref="LifeEvent.RecordedByAccountId"/> says for the demo's events (no account recorded them).</summary>
    public const string DemoRecorder = "demo-seed";

    public int Order => 300;

    public async Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var random = new SeededRandom(demo.Seed ^ 0x1A51647UL);
        var rows = 0;
        foreach (var person in demo.People.OrderBy(person => person.Id))
        {
            if (demo.Now.Year - person.BirthYear < 65)
            {
                continue;
            }
            var draw = random.NextDouble();
            LifeEventKind? kind = draw < 1.0 / 150 ? LifeEventKind.Bereavement : draw < 2.0 / 150 ? LifeEventKind.HospitalDischarge : null;
            if (kind is not { } happened)
            {
                continue;
            }
            demo.Db.LifeEvents.Add(new LifeEvent
            {
                ResidentId = person.Id,
                Kind = happened,
                OccurredAt = demo.Now.Date.AddDays(-1 - random.NextInt(42)),
                RecordedAt = demo.Now,
                RecordedByAccountId = DemoRecorder,
            });
            rows++;
        }
        await demo.Db.SaveChangesAsync(cancellationToken);
        return rows;
    }
}
