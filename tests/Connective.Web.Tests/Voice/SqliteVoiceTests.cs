using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Voice;

public sealed class SqliteVoiceTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public Task The_ballot_store_cannot_be_joined_back_to_voters() => SecretBallotChecks.The_ballot_store_cannot_be_joined_back_to_voters(app.Factory);

    [Fact]
    public Task Voters_racing_to_vote_and_revote_leave_exactly_one_ballot_each() => SecretBallotChecks.Voters_racing_to_vote_and_revote_leave_exactly_one_ballot_each(app.Factory);

    [Fact]
    public Task The_published_file_recounted_names_the_same_winners() => BudgetResultsChecks.The_published_file_recounted_names_the_same_winners(app.Factory);

    [Fact]
    public Task Nothing_is_published_while_voting_is_open() => BudgetResultsChecks.Nothing_is_published_while_voting_is_open(app.Factory);

    [Fact]
    public Task A_process_no_one_voted_in_says_so() => BudgetResultsChecks.A_process_no_one_voted_in_says_so(app.Factory);
}
