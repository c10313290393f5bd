using System.Diagnostics;
using Connective.Web.Features.Services;
using Xunit.Abstractions;

namespace Connective.Web.Tests.Services;

/// <summary>
/// The search index over 10,000 generated services, without a database: typos still find the service that was meant,
/// and the time per query is printed beside a naive scan (every query word against every word of every service with the
/// same edit distance), as a benchmark (docs/benchmarks.md, "Services search"). Speed is reported, never asserted.
/// </summary>
public sealed class SearchAtScaleTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["Food Bank", "Debt Advice", "Lunch Club", "Befriending Service", "Youth Club", "Carers Cafe", "Job Club",
        "Digital Help Drop-in", "Wellbeing Walks", "Housing Advice", "Toy Library", "Reading Group", "Repair Cafe", "Chair Yoga", "Stay and Play"];

    private static readonly string[] Places = ["Northfield", "Riverside", "Castle Vale", "Old Town", "Hillcrest", "Marsh Lane", "Kingsway", "Brookfield",
        "Elmwood", "Fairview", "Greenbank", "Harbour", "Ivy Park", "Jubilee", "Larchmere", "Meadowside", "Netherton", "Oakridge", "Parkgate", "Queensbury"];

    [Fact]
    public void Typos_find_the_meant_service_among_ten_thousand_and_the_time_is_reported()
    {
        var (index, services) = Build(10_000);
        var queries = new[] { "fod bnak", "dept advise", "lunch clob", "befriending", "yuoth club", "carers", "digtal help", "housing advice", "repair cafe", "toy libary" };

        // Behaviour at scale: each misspelt query's first result is of the kind meant.
        var meant = new[] { "Food Bank", "Debt Advice", "Lunch Club", "Befriending Service", "Youth Club", "Carers Cafe", "Digital Help Drop-in", "Housing Advice", "Repair Cafe", "Toy Library" };
        var names = services.ToDictionary(s => s.Id, s => s.Name);
        for (var i = 0; i < queries.Length; i++)
        {
            var hits = index.Search(new DirectorySearchQuery(queries[i]), 20);
            Assert.NotEmpty(hits);
            Assert.Contains(meant[i], names[hits[0].ServiceId], StringComparison.Ordinal);
        }

        var indexed = Median(5, () =>
        {
            foreach (var query in queries)
            {
                index.Search(new DirectorySearchQuery(query), 20);
            }
        }) / queries.Length;
        var naive = Median(3, () =>
        {
            foreach (var query in queries)
            {
                NaiveScan(services, query);
            }
        }) / queries.Length;
        var build = Median(3, () => Build(10_000));
        output.WriteLine($"10,000 services: index build {build:0.0} ms; search {indexed:0.000} ms a query (median of 5 rounds of {queries.Length}); " +
            $"naive scan {naive:0.00} ms a query; naive / index = {naive / indexed:0.0}x");
    }

    private static (DirectoryIndex Index, List<IndexedService> Services) Build(int count)
    {
        var terms = Kinds.Select((k, i) => new IndexedTerm(new Guid(i + 1, 0, 0, new byte[8]), k, null)).ToList();
        var services = new List<IndexedService>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = i % Kinds.Length;
            var place = Places[i / Kinds.Length % Places.Length];
            services.Add(new IndexedService(new Guid(0, 0, 0, BitConverter.GetBytes((long)i + 1)), $"{place} {Kinds[kind]} {i}",
                $"A {Kinds[kind].ToLowerInvariant()} for residents of {place}, run by volunteers with the council.", i % 40, DirectoryServiceStatus.Active,
                $"{place} Community Trust", [terms[kind].Id]));
        }
        return (DirectoryIndex.Build("bench", services, terms), services);
    }

    /// <summary>The peer: for each service, each query word against each of its words by edit distance.</summary>
    private static List<(Guid, int)> NaiveScan(List<IndexedService> services, string query)
    {
        var words = DirectoryIndex.Words(query).ToList();
        var result = new List<(Guid, int)>();
        foreach (var service in services)
        {
            var own = DirectoryIndex.Words(service.Name + " " + service.Description + " " + service.Organization).ToList();
            var matched = words.Count(w => own.Any(o => DirectoryIndex.EditDistance(w, o, 2) <= 2));
            if (matched > 0)
            {
                result.Add((service.Id, matched));
            }
        }
        result.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return result;
    }

    private static double Median(int rounds, Action work)
    {
        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            work();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[rounds / 2];
    }
}
