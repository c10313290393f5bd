using Xunit.Abstractions;

namespace Connective.Budgeting.Tests.Rules;

/// <summary>
/// The full conformance run over every shared Pabulib file. Run it with
/// <c>dotnet test tests/Connective.Budgeting.Tests --filter Category=Conformance</c>.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_reference_outcome_in_expected_json_is_reproduced()
    {
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var entry in ReferenceCases.All)
        {
            var file = entry.GetProperty("file").GetString()!;
            var found = ReferenceCases.CheckReference(file);
            checkedCount += ReferenceCases.ReferenceFields.Count(f => entry.TryGetProperty(f, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Array);
            problems.AddRange(found);
        }
        output.WriteLine($"reference outcomes checked: {checkedCount}, disagreements: {problems.Count}");
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_official_outcome_of_a_reproducible_rule_is_reproduced()
    {
        var problems = new List<string>();
        int applicable = 0, excepted = 0;
        foreach (var entry in ReferenceCases.All)
        {
            var file = entry.GetProperty("file").GetString()!;
            var problem = ReferenceCases.CheckOfficial(file, out var isApplicable);
            applicable += isApplicable ? 1 : 0;
            if (problem is null)
            {
                continue;
            }
            if (ReferenceCases.OfficialExceptions.ContainsKey(file))
            {
                excepted++;
                output.WriteLine("(documented exception) " + problem);
                continue;
            }
            problems.Add(problem);
        }
        output.WriteLine($"official outcomes checked: {applicable}, documented exceptions: {excepted}, disagreements: {problems.Count}");
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }
}

/// <summary>Maximum welfare against brute force on every file with at most 20 projects (part of the conformance run).</summary>
[Trait("Category", "Conformance")]
public sealed class MaxWelfareConformanceTests
{
    [Fact]
    public void Matches_brute_force_on_every_file_with_at_most_20_projects()
    {
        foreach (var file in MaxWelfareTests.SmallFiles(20))
        {
            MaxWelfareTests.AssertMatchesBruteForce(file);
        }
    }
}
