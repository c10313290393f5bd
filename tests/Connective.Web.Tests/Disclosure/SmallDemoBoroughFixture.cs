using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;

namespace Connective.Web.Tests.Disclosure;

/// <summary>
/// The demo borough at 200 residents on SQLite: wards small enough that many of their figures (age bands, people
/// without ties, circles' members) are counts from 1 to 7, which is where disclosure control has work to do.
/// </summary>
public sealed class SmallDemoBoroughFixture : IAsyncLifetime, IDisposable
{
    public const int Residents = 200;

    private readonly TempSqliteFile _file = new();

    public ConnectiveWebFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, _file.ConnectionString, demoResidents: Residents);
        Factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _file.Dispose();
    }

    public void Dispose() => _file.Dispose();
}

public sealed class SmallBoroughPublishedFiguresTests(SmallDemoBoroughFixture app) : IClassFixture<SmallDemoBoroughFixture>
{
    [Fact]
    public Task No_anonymous_response_contains_a_count_from_one_to_seven() => PublishedFiguresChecks.No_anonymous_response_contains_a_count_from_one_to_seven(app.Factory);

    [Fact]
    public Task No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven() => PublishedFiguresChecks.No_aggregate_figure_a_resident_sees_is_a_count_from_one_to_seven(app.Factory);
}
