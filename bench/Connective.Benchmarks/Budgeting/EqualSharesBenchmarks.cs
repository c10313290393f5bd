using BenchmarkDotNet.Attributes;
using Connective.Budgeting;
using Connective.Budgeting.Pabulib;
using Connective.Budgeting.Rules;

namespace Connective.Benchmarks.Budgeting;

/// <summary>
/// The budgeting engine on the city-wide Warsaw 2026 election (61,668 voters, 83 projects), file read once.
/// <c>dotnet run -c Release --project bench/Connective.Benchmarks -- --filter '*EqualSharesBenchmarks*'</c>
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser]
public class EqualSharesBenchmarks
{
    private Election _warsaw = null!;

    [GlobalSetup]
    public void Setup() => _warsaw = PbReader.Read(Path.Combine(FindSharedData(), "pabulib", "Poland_Warszawa_2026.pb"));

    [Benchmark(Description = "MES exact, cost utilities")]
    public RuleResult EqualSharesExact() => BudgetingRules.Count(_warsaw, new RuleOptions());

    [Benchmark(Description = "MES floating point (screening)")]
    public RuleResult EqualSharesFloat() => BudgetingRules.Count(_warsaw, new RuleOptions { Arithmetic = ArithmeticMode.FloatingPoint });

    [Benchmark(Description = "MES + add1, pabutools preset")]
    public RuleResult EqualSharesAdd1() => BudgetingRules.Count(_warsaw, RuleOptions.PabutoolsAdd1);

    [Benchmark(Description = "Sequential Phragmén")]
    public RuleResult Phragmen() => BudgetingRules.Count(_warsaw, new RuleOptions { Rule = RuleKind.Phragmen });

    [Benchmark(Description = "Read the .pb file")]
    public Election Read() => PbReader.Read(Path.Combine(FindSharedData(), "pabulib", "Poland_Warszawa_2026.pb"));

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Connective.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }
        throw new InvalidOperationException("Could not find Connective.slnx above the benchmark's folder.");
    }
}
