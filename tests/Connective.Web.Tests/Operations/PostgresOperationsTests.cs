using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Operations;

/// <summary>Mail delivery across instances on PostgreSQL, each test on its own database of the shared test cluster.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresOperationsTests
{
    [PostgresFact]
    public Task Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns() =>
        OnFreshDatabaseAsync(MailDeliveryChecks.Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns);

    [PostgresFact]
    public Task Two_instances_on_one_database_send_each_message_exactly_once() =>
        OnFreshDatabaseAsync(MailDeliveryChecks.Two_instances_on_one_database_send_each_message_exactly_once);

    private static async Task OnFreshDatabaseAsync(Func<DatabaseProvider, string, Task> check)
    {
        var cluster = await PostgresCluster.SharedAsync();
        await check(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync());
    }
}
