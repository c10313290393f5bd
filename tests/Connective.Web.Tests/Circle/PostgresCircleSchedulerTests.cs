using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Circle;

[Collection(PostgresTests.Name)]
public sealed class PostgresCircleSchedulerTests
{
    [PostgresFact]
    public async Task Waves_widen_then_escalate_then_hand_over_at_the_deadline_as_the_clock_moves()
    {
        var database = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = CircleSchedulerChecks.Start(DatabaseProvider.Postgres, database, clock);
        await CircleSchedulerChecks.Waves_widen_then_escalate_then_hand_over_at_the_deadline_as_the_clock_moves(factory, clock);
    }

    [PostgresFact]
    public async Task Due_work_missed_while_stopped_is_done_after_a_restart()
    {
        var database = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        await CircleSchedulerChecks.Due_work_missed_while_stopped_is_done_after_a_restart(DatabaseProvider.Postgres, database);
    }
}
