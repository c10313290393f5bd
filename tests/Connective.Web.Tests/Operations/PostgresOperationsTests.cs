using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Operations;

/// <summary>Mail delivery across instances, and dump and restore, on PostgreSQL, each test on its own database of the shared test cluster.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresOperationsTests
{
    [PostgresFact]
    public Task Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns() =>
        OnFreshDatabaseAsync(MailDeliveryChecks.Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns);

    [PostgresFact]
    public Task Two_instances_on_one_database_send_each_message_exactly_once() =>
        OnFreshDatabaseAsync(MailDeliveryChecks.Two_instances_on_one_database_send_each_message_exactly_once);

    [PostgresFact]
    public Task Postgres_dump_and_restore_gives_the_same_figures() => BackupChecks.Postgres_dump_and_restore_gives_the_same_figures();

    [Fact]
    public Task Instances_racing_for_a_job_never_hold_it_together_and_every_run_is_recorded_once() =>
        OnFreshDatabaseAsync(JobLeaseChecks.Instances_racing_for_a_job_never_hold_it_together_and_every_run_is_recorded_once);

    [Fact]
    public Task A_lease_its_holder_never_gave_back_lapses_and_another_instance_takes_over() =>
        OnFreshDatabaseAsync(JobLeaseChecks.A_lease_its_holder_never_gave_back_lapses_and_another_instance_takes_over);

    [Fact]
    public Task Two_app_instances_share_the_circle_scheduler_and_record_its_runs() =>
        OnFreshDatabaseAsync(JobLeaseChecks.Two_app_instances_share_the_circle_scheduler_and_record_its_runs);

    private static async Task OnFreshDatabaseAsync(Func<DatabaseProvider, string, Task> check)
    {
        var cluster = await PostgresCluster.SharedAsync();
        await check(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync());
    }
}
