using System.CommandLine;
using System.Globalization;
using Connective.Budgeting.Rules;

namespace Connective.Cli.Pb;

/// <summary>
/// The options that name a rule and its variant (shared by count, verify and explain) and how they become
/// <see cref="RuleOptions"/>. A preset supplies defaults; options given explicitly override it.
/// </summary>
internal sealed class RuleCommandOptions
{
    public static readonly string[] RuleNames =
        ["greedy", "greedy-no-skip", "greedy-threshold", "greedy-exclusive", "greedy-custom", "greedy-density", "mes", "phragmen", "max-welfare"];

    public Option<string> Rule { get; } = Choice("--rule", "mes", RuleNames,
        "greedy (Pabulib's, by votes or points; -no-skip, -threshold, -exclusive variants; -custom: Poznań's no-skip with an 80% reserve), greedy-density (utility per cost, pabutools' greedy_utilitarian_welfare), mes (Method of Equal Shares), phragmen, max-welfare.");

    public Option<string> Utility { get; } = Choice("--utility", "auto", ["auto", "cost", "cardinality", "points"],
        "A voter's utility for a project they voted for: auto (cost for approval and choose-1, points otherwise), cost, cardinality (1 each) or points.");

    public Option<string> Completion { get; } = Choice("--completion", "none", ["none", "add1", "add1u"],
        "Completion of Equal Shares: none, add1 (raise every endowment step by step), add1u (add1, then a utilitarian top-up).");

    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = "Equal Shares with add1 as pabutools runs it (pabutools: start at budget ÷ voters, stop at the first exhaustive outcome over supported projects) or as the official Pabulib counts did (pabulib-official: cost utilities, stop only before exceeding the budget). Explicit options override the preset.",
    };

    public Option<string> Add1Start { get; } = Choice("--add1-start", "exact", ["exact", "floor"],
        "Where add1 starts: exactly budget ÷ voters (pabutools) or its floor (equalshares.net).");

    public Option<decimal> Add1Step { get; } = new("--add1-step")
    {
        Description = "How much add1 raises every voter's endowment per step, in currency units.",
        DefaultValueFactory = _ => 1m,
    };

    public Option<string> Add1Stop { get; } = Choice("--add1-stop", "supported", ["supported", "all", "budget"],
        "When add1 stops: at the first outcome exhaustive over projects with a supporter (pabutools), over all projects (equalshares.net), or only before exceeding the budget (Pabulib checker, official counts).");

    public Option<bool> CompareWithGreedy { get; } = new("--compare-greedy")
    {
        Description = "After add1, the comparison step of equalshares/add1-comparison: use the greedy outcome if more voters prefer it.",
    };

    public Option<decimal?> Threshold { get; } = new("--threshold")
    {
        Description = "Minimum score for greedy-threshold; default: the file's META min_project_score_threshold.",
    };

    public Option<TieBreaking> TieBreaking { get; } = new("--tie-breaking")
    {
        Description = "How ties are broken: id (project ids as strings, as pabutools), cost-votes (lower cost, then more votes) or lot:SEED.",
        DefaultValueFactory = _ => Budgeting.Rules.TieBreaking.ById,
        CustomParser = result =>
        {
            try
            {
                return Budgeting.Rules.TieBreaking.Parse(result.Tokens[0].Value);
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
                return Budgeting.Rules.TieBreaking.ById;
            }
        },
    };

    public Option<string> Arithmetic { get; } = Choice("--arithmetic", "exact", ["exact", "exact-only", "float"],
        "exact (doubles with an exact rerun on every close decision), exact-only (rationals throughout) or float (screening only).");

    public RuleCommandOptions()
    {
        Preset.AcceptOnlyFromAmong("pabutools", "pabulib-official");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Rule, Utility, Completion, Preset, Add1Start, Add1Step, Add1Stop, CompareWithGreedy, Threshold, TieBreaking, Arithmetic })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether the user named the rule (verify then uses it instead of the file's official rule).</summary>
    public bool RuleGiven(ParseResult parseResult) => Given(parseResult, Rule) || Given(parseResult, Preset);

    /// <summary>The rule options from the command line, starting from <paramref name="defaults"/> (a preset's or the file's rule).</summary>
    public RuleOptions Resolve(ParseResult parseResult, RuleOptions? defaults = null)
    {
        var options = defaults ?? new RuleOptions();
        if (parseResult.GetValue(Preset) is { } preset)
        {
            options = RuleOptions.Preset(preset);
        }
        if (Given(parseResult, Rule) || defaults is null && parseResult.GetValue(Preset) is null)
        {
            options = WithRule(options, parseResult.GetValue(Rule)!);
        }
        if (Given(parseResult, Utility))
        {
            options = options with { Utility = ParseUtility(parseResult.GetValue(Utility)!) };
        }
        if (Given(parseResult, Completion))
        {
            options = options with
            {
                Completion = parseResult.GetValue(Completion) switch
                {
                    "add1" => CompletionKind.Add1,
                    "add1u" => CompletionKind.Add1Utilitarian,
                    _ => CompletionKind.None,
                },
            };
        }
        var add1 = options.Add1;
        if (Given(parseResult, Add1Start))
        {
            add1 = add1 with { Start = parseResult.GetValue(Add1Start) == "floor" ? Budgeting.Rules.Add1Start.Floor : Budgeting.Rules.Add1Start.Exact };
        }
        if (Given(parseResult, Add1Step))
        {
            var step = parseResult.GetValue(Add1Step);
            if (step <= 0)
            {
                throw new UsageException($"--add1-step must be positive, not {step.ToString(CultureInfo.InvariantCulture)}.");
            }
            add1 = add1 with { Step = step };
        }
        if (Given(parseResult, Add1Stop))
        {
            add1 = add1 with
            {
                Stop = parseResult.GetValue(Add1Stop) switch
                {
                    "all" => Budgeting.Rules.Add1Stop.ExhaustiveOverAll,
                    "budget" => Budgeting.Rules.Add1Stop.BeforeExceedingBudget,
                    _ => Budgeting.Rules.Add1Stop.ExhaustiveOverSupported,
                },
            };
        }
        if (Given(parseResult, CompareWithGreedy))
        {
            add1 = add1 with { CompareWithGreedy = parseResult.GetValue(CompareWithGreedy) };
        }
        options = options with { Add1 = add1 };
        if (parseResult.GetValue(Threshold) is { } threshold)
        {
            options = options with { ScoreThreshold = threshold };
        }
        if (Given(parseResult, TieBreaking) || defaults is null)
        {
            options = options with { TieBreaking = parseResult.GetValue(TieBreaking)! };
        }
        if (Given(parseResult, Arithmetic) || defaults is null)
        {
            options = options with
            {
                Arithmetic = parseResult.GetValue(Arithmetic) switch
                {
                    "exact-only" => ArithmeticMode.ExactOnly,
                    "float" => ArithmeticMode.FloatingPoint,
                    _ => ArithmeticMode.Exact,
                },
            };
        }
        if (options.Completion != CompletionKind.None && options.Rule != RuleKind.EqualShares)
        {
            throw new UsageException("--completion add1/add1u and --preset apply to --rule mes only.");
        }
        return options;
    }

    /// <summary>The option values a result reports, as the command line spells them.</summary>
    public static string RuleName(RuleOptions options) => options.Rule switch
    {
        RuleKind.Greedy => options.GreedyVariant switch
        {
            GreedyVariant.NoSkip => "greedy-no-skip",
            GreedyVariant.Threshold => "greedy-threshold",
            GreedyVariant.Exclusive => "greedy-exclusive",
            GreedyVariant.NoSkipWithReserve => "greedy-custom",
            _ => "greedy",
        },
        RuleKind.GreedyDensity => "greedy-density",
        RuleKind.EqualShares => "mes",
        RuleKind.Phragmen => "phragmen",
        _ => "max-welfare",
    };

    public static string UtilityName(UtilityKind utility) => utility.ToString().ToLowerInvariant();

    public static string CompletionName(CompletionKind completion) => completion switch
    {
        CompletionKind.Add1 => "add1",
        CompletionKind.Add1Utilitarian => "add1u",
        _ => "none",
    };

    public static string Add1StartName(Budgeting.Rules.Add1Start start) => start == Budgeting.Rules.Add1Start.Floor ? "floor" : "exact";

    public static string Add1StopName(Budgeting.Rules.Add1Stop stop) => stop switch
    {
        Budgeting.Rules.Add1Stop.ExhaustiveOverAll => "all",
        Budgeting.Rules.Add1Stop.BeforeExceedingBudget => "budget",
        _ => "supported",
    };

    public static string ArithmeticName(ArithmeticMode mode) => mode switch
    {
        ArithmeticMode.ExactOnly => "exact-only",
        ArithmeticMode.FloatingPoint => "float",
        _ => "exact",
    };

    public static RuleOptions WithRule(RuleOptions options, string rule) => rule switch
    {
        "greedy" => options with { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Skip },
        "greedy-no-skip" => options with { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.NoSkip },
        "greedy-threshold" => options with { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Threshold },
        "greedy-exclusive" => options with { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.Exclusive },
        "greedy-custom" => options with { Rule = RuleKind.Greedy, GreedyVariant = GreedyVariant.NoSkipWithReserve },
        "greedy-density" => options with { Rule = RuleKind.GreedyDensity },
        "phragmen" => options with { Rule = RuleKind.Phragmen },
        "max-welfare" => options with { Rule = RuleKind.MaxWelfare },
        _ => options with { Rule = RuleKind.EqualShares },
    };

    private static UtilityKind ParseUtility(string name) => name switch
    {
        "cost" => UtilityKind.Cost,
        "cardinality" => UtilityKind.Cardinality,
        "points" => UtilityKind.Points,
        _ => UtilityKind.Auto,
    };

    private static bool Given(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private static Option<string> Choice(string name, string defaultValue, string[] values, string description)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
