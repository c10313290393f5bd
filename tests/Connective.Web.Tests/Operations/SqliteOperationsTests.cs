using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Operations;

/// <summary>Mail delivery, reverse-proxy handling and backup on SQLite, each test on its own database file.</summary>
public sealed class SqliteOperationsTests
{
    [Fact]
    public Task Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns() =>
        OnFreshFileAsync(MailDeliveryChecks.Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns);

    [Fact]
    public Task Given_up_mail_is_listed_for_admins_and_sent_again_on_request() =>
        OnFreshFileAsync(MailDeliveryChecks.Given_up_mail_is_listed_for_admins_and_sent_again_on_request);

    [Fact]
    public Task Two_instances_on_one_database_send_each_message_exactly_once() =>
        OnFreshFileAsync(MailDeliveryChecks.Two_instances_on_one_database_send_each_message_exactly_once);

    [Fact]
    public Task Fifty_clients_behind_a_trusted_proxy_each_get_their_own_rate_limit_bucket() =>
        OnFreshFileAsync(ReverseProxyChecks.Fifty_clients_behind_a_trusted_proxy_each_get_their_own_rate_limit_bucket);

    [Fact]
    public Task Forwarded_headers_from_an_untrusted_address_are_ignored() =>
        OnFreshFileAsync(ReverseProxyChecks.Forwarded_headers_from_an_untrusted_address_are_ignored);

    [Fact]
    public Task Sqlite_online_backup_restores_to_the_same_figures() => BackupChecks.Sqlite_online_backup_restores_to_the_same_figures();

    [Fact]
    public Task Instances_racing_for_a_job_never_hold_it_together_and_every_run_is_recorded_once() =>
        OnFreshFileAsync(JobLeaseChecks.Instances_racing_for_a_job_never_hold_it_together_and_every_run_is_recorded_once);

    [Fact]
    public Task A_lease_its_holder_never_gave_back_lapses_and_another_instance_takes_over() =>
        OnFreshFileAsync(JobLeaseChecks.A_lease_its_holder_never_gave_back_lapses_and_another_instance_takes_over);

    [Fact]
    public Task Two_app_instances_share_the_circle_scheduler_and_record_its_runs() =>
        OnFreshFileAsync(JobLeaseChecks.Two_app_instances_share_the_circle_scheduler_and_record_its_runs);

    private static async Task OnFreshFileAsync(Func<DatabaseProvider, string, Task> check)
    {
        using var file = new TempSqliteFile();
        await check(DatabaseProvider.Sqlite, file.ConnectionString);
    }
}
