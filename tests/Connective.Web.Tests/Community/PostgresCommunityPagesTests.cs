using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Community;

[Collection(PostgresTests.Name)]
public sealed class PostgresCommunityPagesTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [PostgresFact]
    public Task Wards_page_shows_each_ward_with_its_resident_count() => CommunityChecks.Wards_page_shows_each_ward_with_its_resident_count(app.Factory);

    [PostgresFact]
    public Task Ward_page_shows_its_name_code_and_counts() => CommunityChecks.Ward_page_shows_its_name_code_and_counts(app.Factory);

    [PostgresFact]
    public Task Unknown_ward_is_not_found_as_a_page_and_as_problem_details() => CommunityChecks.Unknown_ward_is_not_found_as_a_page_and_as_problem_details(app.Factory);

    [PostgresFact]
    public Task Ward_api_counts_match_the_database_and_respect_consent() => CommunityChecks.Ward_api_counts_match_the_database_and_respect_consent(app.Factory);

    [PostgresFact]
    public Task Resident_page_names_the_person_with_their_ties_in_the_demo() => CommunityChecks.Resident_page_names_the_person_with_their_ties_in_the_demo(app.Factory);

    [PostgresFact]
    public Task Named_people_need_a_staff_sign_in_outside_the_demo() => CommunityChecks.Named_people_need_a_staff_sign_in_outside_the_demo(app.Factory);
}
