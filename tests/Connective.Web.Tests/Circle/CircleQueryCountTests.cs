using System.Data.Common;
using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Platform.Access;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Circle;

/// <summary>
/// The coordinator's dashboard and the scheduler's deadline and check-out loops run the same statements however many
/// rows they handle: no read (or write) per row. Like the Community pages' QueryCountTests, every command is counted
/// (the dashboard: every command; the scheduler: every read), once with a few rows and again with more.
/// </summary>
public sealed class CircleQueryCountTests : IAsyncLifetime, IDisposable
{
    private readonly TempSqliteFile _file = new();
    private readonly CommandCounter _counter = new();
    private ConnectiveWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, _file.ConnectionString, configureServices: services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(_counter));
            // The test runs the due work itself; the background scheduler (first look after an hour) must not take it first.
            services.PostConfigure<CircleOptions>(options => options.SchedulerInterval = TimeSpan.FromHours(1));
        });
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData("/circle/coordinator")]
    [InlineData("/api/v1/circle/coordinator/dashboard")]
    public async Task The_dashboard_runs_the_same_queries_however_long_the_queue(string path)
    {
        using var admin = await AccountClient.SignedInAsDemoAsync(_factory, Roles.Admin);
        (await admin.Http.GetAsync(path)).EnsureSuccessStatusCode(); // the first call may build caches

        await AddQueueItemsAsync(3);
        var few = await CountAsync(() => admin.Http.GetAsync(path));
        await AddQueueItemsAsync(12);
        var more = await CountAsync(() => admin.Http.GetAsync(path));

        Assert.InRange(few, 1, 16);
        Assert.Equal(few, more);
    }

    [Fact]
    public async Task The_scheduler_handles_passed_deadlines_and_overdue_check_outs_in_the_same_statements_however_many()
    {
        await RunDueWorkAsync(); // whatever the demo left due

        // Reads only: SQLite writes one statement per row saved (EF does not batch there), which is not a read per row.
        var (few, handledFew) = await CountDueWorkAsync(2);
        var (more, handledMore) = await CountDueWorkAsync(7);

        Assert.Equal((4, 14), (handledFew, handledMore));
        Assert.InRange(few, 1, 16);
        Assert.Equal(few, more);
    }

    /// <summary>Adds <paramref name="count"/> requests past their deadline and as many helpers overdue to check out, then counts one run.</summary>
    private async Task<(int Commands, int Handled)> CountDueWorkAsync(int count)
    {
        await using (var scope = _factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var template = await db.HelpRequests.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            var helper = await db.HelperProfiles.Where(h => h.ResidentId != template.RequesterResidentId).OrderBy(h => h.ResidentId).Select(h => h.ResidentId).FirstAsync();
            var now = DateTime.UtcNow;
            HelpRequest Copy(HelpRequestStatus status, DateTime deadline)
            {
                var copy = (HelpRequest)db.Entry(template).CurrentValues.Clone().ToObject();
                copy.Id = 0;
                copy.Status = status;
                copy.DeadlineAt = deadline;
                copy.NextActionAt = null;
                copy.EscalatedAt = null;
                return copy;
            }
            var expired = Enumerable.Range(0, count).Select(_ => Copy(HelpRequestStatus.Offered, now.AddHours(-1))).ToList();
            var underway = Enumerable.Range(0, count).Select(_ => Copy(HelpRequestStatus.InProgress, now.AddDays(1))).ToList();
            db.HelpRequests.AddRange(expired.Concat(underway));
            await db.SaveChangesAsync();
            db.HelpOffers.AddRange(expired.Select(request => new HelpOffer
            {
                RequestId = request.Id,
                HelperResidentId = helper,
                Wave = 1,
                OfferedAt = now.AddHours(-5),
                Response = OfferResponse.Pending,
                Reasons = "test",
            }));
            db.HelpOffers.AddRange(underway.Select(request => new HelpOffer
            {
                RequestId = request.Id,
                HelperResidentId = helper,
                Wave = 1,
                OfferedAt = now.AddHours(-5),
                Response = OfferResponse.Accepted,
                Reasons = "test",
                CheckedInAt = now.AddHours(-3),
                CheckOutDueAt = now.AddMinutes(-5),
            }));
            await db.SaveChangesAsync();
        }
        var handled = 0;
        _counter.Reset();
        handled = await RunDueWorkAsync();
        return (_counter.Reads, handled);
    }

    private async Task<int> RunDueWorkAsync()
    {
        await using var scope = _factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CircleTasks>().RunDueWorkAsync(CancellationToken.None);
    }

    private async Task AddQueueItemsAsync(int count)
    {
        await using var scope = _factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var requests = await db.HelpRequests.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.RequesterResidentId }).Take(count).ToListAsync();
        var helper = await db.HelperProfiles.OrderBy(h => h.ResidentId).Select(h => h.ResidentId).FirstAsync();
        db.CoordinatorTasks.AddRange(requests.Select((request, i) => new CoordinatorTask
        {
            Kind = i % 2 == 0 ? CoordinatorTaskKind.Unanswered : CoordinatorTaskKind.OverdueCheckOut,
            RequestId = request.Id,
            ResidentId = request.RequesterResidentId,
            HelperResidentId = i % 2 == 0 ? null : helper,
            Summary = "Query count test",
            CreatedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync<T>(Func<Task<T>> action)
    {
        _counter.Reset();
        var result = await action();
        if (result is HttpResponseMessage response)
        {
            response.EnsureSuccessStatusCode();
        }
        return _counter.Count;
    }

    /// <summary>Counts every command the app sends (reads, scalars and writes such as ExecuteUpdate), and the reads among them.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;
        private int _reads;

        public int Count => Volatile.Read(ref _count);

        /// <summary>The SELECTs among them.</summary>
        public int Reads => Volatile.Read(ref _reads);

        public void Reset()
        {
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _reads, 0);
        }

        private void Counted(DbCommand command)
        {
            Interlocked.Increment(ref _count);
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _reads);
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Counted(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Counted(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Counted(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
