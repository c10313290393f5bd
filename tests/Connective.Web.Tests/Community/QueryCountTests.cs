using System.Data.Common;
using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Community;

/// <summary>
/// The busiest pages run a fixed number of queries, however many wards, residents or ties there are: no N+1.
/// The bounds are the queries each page needs today (one of them checks whether the network snapshot is current).
/// </summary>
public sealed class QueryCountTests : IAsyncLifetime, IDisposable
{
    private readonly TempSqliteFile _file = new();
    private readonly CommandCounter _counter = new();
    private ConnectiveWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, _file.ConnectionString, demoResidents: 3_000,
            configureServices: services => services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(_counter)));
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData("/community", 5)]
    [InlineData("/community/wards/E05900001", 8)]
    [InlineData("/community/wards/E05900001?page=2", 8)]
    [InlineData("/community/residents/1", 4)]
    [InlineData("/api/v1/community/wards", 5)]
    public async Task Page_runs_a_fixed_number_of_queries(string path, int most)
    {
        using var client = _factory.CreateClient();
        (await client.GetAsync(path)).EnsureSuccessStatusCode(); // the first call may build the network snapshot

        _counter.Reset();
        var response = await client.GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.InRange(_counter.Count, 1, most);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
