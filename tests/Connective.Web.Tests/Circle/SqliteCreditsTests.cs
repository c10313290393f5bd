using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Circle;

public sealed class SqliteCreditsTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task The_ledger_sums_to_zero_and_every_balance_is_the_sum_of_its_entries() => CreditsChecks.The_ledger_sums_to_zero_and_every_balance_is_the_sum_of_its_entries(app.Factory);

    [Fact]
    public Task A_retry_with_the_same_key_moves_nothing_twice() => CreditsChecks.A_retry_with_the_same_key_moves_nothing_twice(app.Factory);

    [Fact]
    public Task Concurrent_transfers_never_overdraw() => CreditsChecks.Concurrent_transfers_never_overdraw(app.Factory);

    [Fact]
    public Task The_pool_covers_a_recipient_at_their_limit() => CreditsChecks.The_pool_covers_a_recipient_at_their_limit(app.Factory);

    [Fact]
    public Task A_posting_is_stamped_with_the_ledgers_clock() => CreditsChecks.A_posting_is_stamped_with_the_ledgers_clock(app.Factory);

    [Fact]
    public Task Thanks_reach_the_person_thanked() => CreditsChecks.Thanks_reach_the_person_thanked(app.Factory);
}
