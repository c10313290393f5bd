using System.Diagnostics;
using System.Globalization;
using Connective.Web.Data;
using Connective.Web.Features.Circle;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: Connective.CircleBench --database /tmp/connective-100k.db [--rankings 2000] [--rebuilds 5] [--dump FILE]
// The database is a seeded demo (`seed --residents 100000`); the benchmark bumps its network version to time rebuilds.
// --dump FILE writes every request's ranking (helper, score, reasons) and times nothing: diffing two dumps shows whether
// a change to the matching kept the same order and explanations for the same data.
var database = (string?)null;
var dump = (string?)null;
var rankings = 2000;
var rebuilds = 5;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--database" when value is not null:
            database = value;
            i++;
            break;
        case "--rankings" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
            rankings = n;
            i++;
            break;
        case "--rebuilds" when int.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0:
            rebuilds = r;
            i++;
            break;
        case "--dump" when value is not null:
            dump = value;
            i++;
            break;
        default:
            await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'. Usage: --database FILE [--rankings N] [--rebuilds N] [--dump FILE]");
            return 2;
    }
}
if (database is null || !File.Exists(database))
{
    await Console.Error.WriteLineAsync($"--database must name a seeded SQLite demo database; '{database}' does not exist. Seed one with: " +
        "ConnectionStrings__Connective=\"Data Source=FILE\" dotnet run --project src/Connective.Web -c Release -- seed --residents 100000");
    return 2;
}

// The same services the app registers for matching (AddData/AddNetwork/AddCircle), without the web host.
var services = new ServiceCollection();
services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
services.AddDbContext<AppDbContext, SqliteAppDbContext>(db => db.UseSqlite($"Data Source={database}"));
services.AddSingleton(TimeProvider.System);
services.AddSingleton<ConsentedNetwork>();
services.AddOptions<CircleOptions>();
services.AddSingleton<CircleMatching>();
await using var provider = services.BuildServiceProvider();
var network = provider.GetRequiredService<ConsentedNetwork>();
var matching = provider.GetRequiredService<CircleMatching>();

long[] requestIds;
int residents;
long ties;
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    requestIds = await db.HelpRequests.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync();
    residents = await db.Residents.CountAsync();
    ties = await db.Ties.LongCountAsync();
}
if (requestIds.Length == 0)
{
    await Console.Error.WriteLineAsync("The database has no help requests: seed it with a build that includes Circle's demo data.");
    return 1;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Database {database}: {residents:N0} residents, {ties:N0} ties, {requestIds.Length:N0} help requests; {Environment.ProcessorCount} logical cores."));

if (dump is not null)
{
    await using var writer = new StreamWriter(dump);
    var lines = 0;
    foreach (var requestId in requestIds)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rank = 0;
        foreach (var helper in await matching.RankHelpersAsync(db, requestId, CancellationToken.None))
        {
            // Scores to 12 significant digits: the order and words must match exactly, the score to rounding.
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{requestId}\t{++rank}\t{helper.Candidate.HelperResidentId}\t{helper.Score:G12}\t{string.Join(" | ", helper.Reasons)}"));
            lines++;
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {lines:N0} ranked helpers of {requestIds.Length:N0} requests to {dump}."));
    return 0;
}

// Snapshot rebuild: mark the network changed (as a consent change does) and time building the FindHelpThroughMyNetwork graph.
var rebuildSeconds = new List<double>();
for (var i = 0; i <= rebuilds; i++)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await ConsentedNetwork.RecordChangeAsync(db, CancellationToken.None);
    var clock = Stopwatch.StartNew();
    var graph = await network.GetAsync(db, ConsentPurpose.FindHelpThroughMyNetwork, CancellationToken.None);
    // The first build also pays for JIT and a cold page cache; it is reported apart.
    if (i == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Snapshot cold build: {clock.Elapsed.TotalSeconds:0.00} s ({graph.ResidentCount:N0} consenting, {graph.Graph.EdgeCount:N0} ties)."));
    }
    else
    {
        rebuildSeconds.Add(clock.Elapsed.TotalSeconds);
    }
}
rebuildSeconds.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Snapshot rebuild over {rebuilds} runs: median {rebuildSeconds[rebuildSeconds.Count / 2]:0.00} s, max {rebuildSeconds[^1]:0.00} s."));

// Ranking: warm up (JIT, SQLite page cache, pooled searches), then time each ranking on a fresh scope, as a request would have.
async Task<(double Milliseconds, int Ranked)> RankOnceAsync(long requestId)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var clock = Stopwatch.StartNew();
    var ranked = await matching.RankHelpersAsync(db, requestId, CancellationToken.None);
    return (clock.Elapsed.TotalMilliseconds, ranked.Count);
}
for (var i = 0; i < Math.Min(200, rankings); i++)
{
    await RankOnceAsync(requestIds[i % requestIds.Length]);
}
var times = new double[rankings];
long rankedTotal = 0;
// The process's CPU time over the loop as well: on a shared machine wall-clock percentiles include waiting for a core,
// while CPU time per ranking is what the work itself costs.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var loopClock = Stopwatch.StartNew();
for (var i = 0; i < rankings; i++)
{
    var (ms, count) = await RankOnceAsync(requestIds[i % requestIds.Length]);
    times[i] = ms;
    rankedTotal += count;
}
var loopSeconds = loopClock.Elapsed.TotalSeconds;
var cpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
Array.Sort(times);
double Percentile(double p) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(p * times.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RankHelpersAsync over {rankings:N0} rankings of {requestIds.Length:N0} requests ({(double)rankedTotal / rankings:0} ranked helpers on average): " +
    $"p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {times[^1]:0.00} ms."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU (user + system, whole process) {cpuMilliseconds / rankings:0.00} ms per ranking on average; the loop took {loopSeconds:0.0} s wall for {cpuMilliseconds / 1000:0.0} s CPU."));

// Where the time goes, per part, over the same requests: the snapshot check (one version read), the bounded search, and
// the policy alone (re-ranking the candidates the full call returned). The rest of a ranking is reading the helpers.
var requesters = new Dictionary<long, int>();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    foreach (var row in await db.HelpRequests.AsNoTracking().Select(r => new { r.Id, r.RequesterResidentId }).ToListAsync())
    {
        requesters[row.Id] = row.RequesterResidentId;
    }
}
var parts = Math.Min(rankings, 500);
var snapshotTimes = new double[parts];
var searchTimes = new double[parts];
var policyTimes = new double[parts];
for (var i = 0; i < parts; i++)
{
    var requestId = requestIds[i % requestIds.Length];
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var ranked = await matching.RankHelpersAsync(db, requestId, CancellationToken.None);
    var clock = Stopwatch.StartNew();
    var snapshot = await network.GetAsync(db, ConsentPurpose.FindHelpThroughMyNetwork, CancellationToken.None);
    snapshotTimes[i] = clock.Elapsed.TotalMilliseconds;
    var search = new Connective.Graph.Traversal.BoundedBfs(snapshot.Graph);
    clock.Restart();
    var reached = search.Run(requesters[requestId], CircleMatching.MaxNetworkDistance).Count;
    searchTimes[i] = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var again = Connective.Web.Features.Circle.Matching.HelperRanking.Rank(ranked.Select(helper => helper.Candidate));
    policyTimes[i] = clock.Elapsed.TotalMilliseconds;
    GC.KeepAlive(again);
    GC.KeepAlive(reached);
}
static double P95(double[] values)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Parts over {parts} requests, p95: snapshot check {P95(snapshotTimes):0.00} ms, BoundedBfs to depth 3 {P95(searchTimes):0.00} ms (BoundedBfs scratch allocated outside the timer), HelperRanking.Rank {P95(policyTimes):0.00} ms."));
return 0;
