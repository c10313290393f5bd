using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Connective.Web.Tests.Circle;

public sealed class SqliteCircleSchedulerTests
{
    [Fact]
    public async Task Waves_widen_then_escalate_then_hand_over_at_the_deadline_as_the_clock_moves()
    {
        using var file = new TempSqliteFile();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = CircleSchedulerChecks.Start(DatabaseProvider.Sqlite, file.ConnectionString, clock);
        await CircleSchedulerChecks.Waves_widen_then_escalate_then_hand_over_at_the_deadline_as_the_clock_moves(factory, clock);
    }

    [Fact]
    public async Task Due_work_missed_while_stopped_is_done_after_a_restart()
    {
        using var file = new TempSqliteFile();
        await CircleSchedulerChecks.Due_work_missed_while_stopped_is_done_after_a_restart(DatabaseProvider.Sqlite, file.ConnectionString);
    }
}
