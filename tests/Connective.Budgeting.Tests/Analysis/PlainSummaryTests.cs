using Connective.Budgeting.Analysis;
using Connective.Budgeting.Pabulib;
using Connective.Budgeting.Rules;
using Connective.Budgeting.Tests.Pabulib;
using Connective.TestSupport;

namespace Connective.Budgeting.Tests.Analysis;

/// <summary>The plain-language opening of <c>pb explain</c>: money in the election's currency, shares, money left, add1's virtual shares.</summary>
public sealed class PlainSummaryTests
{
    private static readonly Election Rakowiec = PbReader.Read(RepositoryPaths.SharedFile("pabulib", "Poland_Warszawa_2026_Rakowiec.pb"));

    private static string Markdown(Election election, RuleOptions options) =>
        ExplanationRendering.ToMarkdown(Explanations.Explain(election, BudgetingRules.Count(election, options)));

    private static string Opening(string markdown) => markdown[..markdown.IndexOf("## Technical detail", StringComparison.Ordinal)];

    [Fact]
    public void Equal_shares_opens_with_the_share_in_the_currency_and_why_money_was_left()
    {
        var opening = Opening(Markdown(Rakowiec, new RuleOptions { Rule = RuleKind.EqualShares }));

        Assert.Contains("## Method of Equal Shares (mes)", opening, StringComparison.Ordinal);
        Assert.Contains("The budget was 725,604 PLN", opening, StringComparison.Ordinal);
        // 725,604 ÷ 1,040 voters = 697.696…, shown in the currency.
        Assert.Contains("697.70 PLN each (725,604 PLN ÷ 1,040 voters)", opening, StringComparison.Ordinal);
        Assert.Contains("Why 202,104 PLN was left", opening, StringComparison.Ordinal);
        Assert.DoesNotContain("ρ", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void Add1_says_the_raised_shares_are_virtual_and_the_outcome_stays_within_the_real_budget()
    {
        var opening = Opening(Markdown(Rakowiec, RuleOptions.PabutoolsAdd1));

        Assert.Contains("These raised shares are virtual", opening, StringComparison.Ordinal);
        Assert.Contains("repeated 307 time(s)", opening, StringComparison.Ordinal);
        Assert.Contains("within the real budget of 725,604 PLN", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_threshold_is_headed_with_its_threshold()
    {
        var markdown = Markdown(Rakowiec, new RuleOptions { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Threshold });

        Assert.Contains("## Greedy by votes among projects with a score of at least 30 (greedy-threshold, threshold 30)", markdown, StringComparison.Ordinal);
        Assert.Contains("was left because every project not funded costs more than that", Opening(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_custom_names_the_reserve_and_how_much_it_paid()
    {
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", "Poland_Poznan_2025_3_-_Piatkowo_Polnoc_Piatkowo__large.pb"));

        var opening = Opening(Markdown(election, OfficialCounts.Options(election)!));

        Assert.Contains("(greedy-custom, Poznań)", opening, StringComparison.Ordinal);
        Assert.Contains("costs 800,000 PLN, more than the 720,000 PLN left", opening, StringComparison.Ordinal);
        Assert.Contains("the difference of 80,000 PLN coming from the city's reserve", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_custom_says_where_the_count_stopped_and_why_the_reserve_did_not_pay()
    {
        var election = PbReader.Read(RepositoryPaths.SharedFile("pabulib", "Poland_Poznan_2026_6_-_Ogrody_Solacz_Winiary_Wola__large.pb"));

        var opening = Opening(Markdown(election, OfficialCounts.Options(election)!));

        Assert.Contains("It stopped at RD-VI.3 (Scena nad Rusałką 2026), which costs 800,000 PLN with 600,000 PLN left; that is 75% of its cost, less than the 80% the reserve rule needs, so the reserve did not pay for it.", opening, StringComparison.Ordinal);
        Assert.Contains("These are the projects the file records as funded by the official count (its rule: greedy-custom).", opening, StringComparison.Ordinal);
        // selected = 3: extra money outside the count.
        Assert.Contains("The file also records project RD-VI.3 as funded with money from outside the count", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_rule_than_the_official_one_says_it_is_not_the_official_result_and_how_it_differs()
    {
        var opening = Opening(Markdown(Rakowiec, new RuleOptions { Rule = RuleKind.EqualShares }));

        Assert.Contains("This is not the official result the file records (its rule: greedy-threshold): officially, projects 1812 and 1319 were funded, which this count does not fund; this count funds project 9, which the official count did not.", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_selected_column_nothing_is_said_about_an_official_result()
    {
        var opening = Opening(Markdown(PbReaderTests.ReadText(Rules.RuleTests.ThreeVoters), new RuleOptions { Rule = RuleKind.EqualShares }));

        Assert.DoesNotContain("official", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_currency_amounts_are_plain_numbers()
    {
        var election = PbReaderTests.ReadText(Rules.RuleTests.ThreeVoters);

        var opening = Opening(Markdown(election, new RuleOptions { Rule = RuleKind.EqualShares }));

        Assert.Contains("The budget was 300, to be shared among 3 projects by 3 voters.", opening, StringComparison.Ordinal);
    }
}
