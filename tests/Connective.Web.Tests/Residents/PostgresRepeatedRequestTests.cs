using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Residents;

// In the PostgreSQL collection: outside it this class ran beside the collection, which stops the shared cluster when it ends.
[Collection(PostgresTests.Name)]
public sealed class PostgresRepeatedRequestTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Fifty_simultaneous_detail_saves_from_one_account_give_one_record_and_no_server_error() =>
        RepeatedRequestChecks.Fifty_simultaneous_detail_saves_from_one_account_give_one_record_and_no_server_error(app.Factory);

    [PostgresFact]
    public Task Donation_retries_with_one_key_replay_the_first_answer() => RepeatedRequestChecks.Donation_retries_with_one_key_replay_the_first_answer(app.Factory);

    [PostgresFact]
    public Task A_task_is_thanked_for_once() => RepeatedRequestChecks.A_task_is_thanked_for_once(app.Factory);
}
