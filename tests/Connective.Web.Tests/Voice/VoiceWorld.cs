using Connective.Web.Data;
using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Voice;

/// <summary>Builders for Voice's tests: a borough-wide budget with projects, and clocks inside and after its voting.</summary>
internal sealed class VoiceWorld(ConnectiveWebFactory factory, int processId, IReadOnlyList<int> projectIds, DateTime votingAt)
{
    public int ProcessId { get; } = processId;
    public IReadOnlyList<int> ProjectIds { get; } = projectIds;

    /// <summary>A process whose voting ran from 10 days ago to yesterday (closed by the app's clock) or, when open, until a month from now.</summary>
    public static async Task<VoiceWorld> CreateAsync(ConnectiveWebFactory factory, long[] costsPounds, long budgetPounds = 100,
        BallotFormat format = BallotFormat.Approval, CountingRule rule = CountingRule.EqualSharesAdd1, bool closed = true, int? maxChoices = null)
    {
        var now = DateTime.UtcNow;
        var opens = now.AddDays(-10);
        var closes = closed ? now.AddDays(-1) : now.AddDays(30);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = new BudgetProcesses(db, new FakeTimeProvider(new DateTimeOffset(opens.AddDays(-5))));
        var id = await before.CreateAsync(new ProcessInput($"Test budget {Guid.NewGuid():N}", "For the tests", null, budgetPounds, format, maxChoices, rule,
            opens.AddDays(-20), opens, closes), CancellationToken.None);
        var projects = new List<int>();
        foreach (var (cost, i) in costsPounds.Select((cost, i) => (cost, i)))
        {
            projects.Add(await before.AddProjectAsync(id, new ProjectInput($"Project {(char)('A' + i)}", "A project", cost), CancellationToken.None));
        }
        return new VoiceWorld(factory, id, projects, opens.AddDays(2));
    }

    public async Task<BallotReceipt> VoteAsync(int residentId, IEnumerable<int> choices, string? receipt = null)
    {
        await using var scope = factory.CreateScope();
        var ballot = new SecretBallot(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new FakeTimeProvider(new DateTimeOffset(votingAt)));
        return await ballot.VoteAsync(ProcessId, residentId, [.. choices], receipt, CancellationToken.None);
    }

    /// <summary>Residents of the demo borough, a different slice for each call so tests do not share voters.</summary>
    public static async Task<int[]> VotersAsync(ConnectiveWebFactory factory, int count)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var offset = Interlocked.Add(ref _offset, count) - count;
        return [.. await db.Residents.OrderByDescending(resident => resident.Id).Skip(offset).Take(count).Select(resident => resident.Id).ToListAsync()];
    }

    private static int _offset;
}
