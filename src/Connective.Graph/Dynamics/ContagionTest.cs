using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>Settings for <see cref="ContagionTest"/>.</summary>
public sealed record ContagionTestOptions
{
    /// <summary>The largest degree of separation examined (1 to 4; 4 by default).</summary>
    public int MaxDistance { get; init; } = 4;

    /// <summary>The number of permutations in each null distribution (1,000 by default).</summary>
    public int Shuffles { get; init; } = 1000;

    /// <summary>
    /// Optional stratum per node (for example ward × age band × household type, coded as one integer): permutations move
    /// traits only between people of the same stratum, so clustering explained by the strata is not counted as network
    /// association. Null for one stratum.
    /// </summary>
    public int[]? Strata { get; init; }

    /// <summary>Association by distance stores every ego–alter pair; above this many pairs it uses a seeded sample of egos.</summary>
    public long MaxPairs { get; init; } = 40_000_000;

    /// <summary>Seed: shuffle s draws from its own generator derived from (seed, s), so results do not depend on the number of workers.</summary>
    public ulong Seed { get; init; } = 1;
}

/// <summary>How much likelier a person is to have the trait when a contact at a given distance has it, against the permutation null.</summary>
/// <param name="Distance">The degree of separation (shortest-path distance, ties read in either direction).</param>
/// <param name="Pairs">How many ordered ego–alter pairs at that distance were examined.</param>
/// <param name="Observed">P(ego has the trait | alter at this distance has it).</param>
/// <param name="NullMean">The mean of that probability over the permutations.</param>
/// <param name="NullLow">The 2.5% point of the permutation distribution.</param>
/// <param name="NullHigh">The 97.5% point of the permutation distribution.</param>
/// <param name="RelativeIncrease">Observed / null mean − 1: the excess risk over the null (0.25 is "25% likelier").</param>
/// <param name="IncreaseLow">Observed / 97.5% null point − 1: the smallest increase consistent with the null's variability.</param>
/// <param name="IncreaseHigh">Observed / 2.5% null point − 1.</param>
/// <param name="PValue">One-sided permutation p-value for clustering, (1 + #null ≥ observed) / (1 + shuffles).</param>
/// <param name="SampledEgos">True when the pairs come from a sample of egos (see <see cref="ContagionTestOptions.MaxPairs"/>).</param>
public sealed record DistanceAssociation(
    int Distance, long Pairs, double Observed, double NullMean, double NullLow, double NullHigh,
    double RelativeIncrease, double IncreaseLow, double IncreaseHigh, double PValue, bool SampledEgos);

/// <summary>A statistic against its permutation null.</summary>
/// <param name="Statistic">What was measured.</param>
/// <param name="Observed">Its value in the data.</param>
/// <param name="NullMean">Its mean over the permutations.</param>
/// <param name="NullLow">The 2.5% point of the permutation distribution.</param>
/// <param name="NullHigh">The 97.5% point of the permutation distribution.</param>
/// <param name="PValue">One-sided p-value, (1 + #null ≥ observed) / (1 + shuffles).</param>
/// <param name="Shuffles">The number of permutations.</param>
public sealed record PermutationResult(string Statistic, double Observed, double NullMean, double NullLow, double NullHigh, double PValue, int Shuffles);

/// <summary>The edge-directionality contrast on a directed (nomination) network: the lagged effect by who named whom.</summary>
/// <param name="EgoNamedAlter">The alter's earlier trait's coefficient when only the ego named the alter.</param>
/// <param name="AlterNamedEgo">… when only the alter named the ego.</param>
/// <param name="Mutual">… when each named the other.</param>
/// <param name="Difference">EgoNamedAlter − AlterNamedEgo (log-odds); influence should flow to those who name, homophily is symmetric.</param>
/// <param name="Low">The lower end of its approximate 95% interval (the two estimates treated as independent).</param>
/// <param name="High">The upper end.</param>
public sealed record DirectionalityContrast(Coefficient? EgoNamedAlter, Coefficient? AlterNamedEgo, Coefficient? Mutual, double Difference, double Low, double High);

/// <summary>Everything <see cref="ContagionTest.Run"/> found, with wording that says what the data are consistent with.</summary>
/// <param name="Prevalence">The share of people with the trait (at the first time point).</param>
/// <param name="ByDistance">Association by degree of separation, 1 to the maximum distance.</param>
/// <param name="Onset">Two time points: among people without the trait at t1, the difference in onset by t2 between those whose contact had it at t1 and those whose contact did not, against a null that permutes whole people (both time points) within strata.</param>
/// <param name="Lagged">Two time points: logistic model of the ego's trait at t2 on the ego's and the alter's traits at t1, over ego–alter pairs, with cluster-robust intervals.</param>
/// <param name="Directionality">Directed networks with two time points: the edge-directionality contrast.</param>
/// <param name="Placebo">The onset test run on the placebo attribute, when one was given.</param>
/// <param name="EValue">The E-value of the lagged odds ratio (VanderWeele and Ding 2017), on the risk-ratio scale.</param>
/// <param name="EValueForInterval">The E-value for the end of the interval nearer to no effect (1 when the interval already includes no effect).</param>
/// <param name="Findings">Plain statements of what the data are consistent with.</param>
/// <param name="Alternatives">The explanations that remain open whatever the figures.</param>
public sealed record ContagionReport(
    double Prevalence,
    DistanceAssociation[] ByDistance,
    PermutationResult? Onset,
    Coefficient[]? Lagged,
    DirectionalityContrast? Directionality,
    PermutationResult? Placebo,
    double? EValue,
    double? EValueForInterval,
    string[] Findings,
    string[] Alternatives);

/// <summary>
/// Honest tests of clustering and contagion on an observed attribute: association by degree of separation against a
/// topology- and prevalence-preserving permutation null (Christakis and Fowler 2007), stratified permutations, a lagged
/// two-time-point model, the edge-directionality contrast, a placebo attribute and a sensitivity statement. Results say what
/// the data are consistent with; none of these designs identifies contagion (Shalizi and Thomas 2011), and the report says so.
/// </summary>
public static class ContagionTest
{
    /// <summary>The explanations that no observational test here rules out.</summary>
    public static readonly string[] StandingAlternatives =
    [
        "Homophily on characteristics not among the strata: people choose contacts like themselves, and the trait follows those characteristics.",
        "Shared environment not captured by the strata: contacts share places, services and events that change the trait for both.",
        "Reverse or simultaneous influence and the timing of measurement: the order in which traits appear is only as good as the two time points.",
        "Selection of who is in the network: consent, missing people and missing ties change which pairs are seen.",
    ];

    /// <summary>
    /// Runs the tests that the data allow: association by distance always; with <paramref name="traitLater"/>, the onset test,
    /// the lagged model, the directionality contrast (directed graphs) and the placebo (when <paramref name="placeboEarlier"/>
    /// and <paramref name="placeboLater"/> are given).
    /// </summary>
    /// <exception cref="ArgumentException">When an array's length is not the number of nodes or an option is out of range.</exception>
    public static ContagionReport Run(
        CsrGraph graph,
        bool[] trait,
        bool[]? traitLater = null,
        ContagionTestOptions? options = null,
        bool[]? placeboEarlier = null,
        bool[]? placeboLater = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(trait);
        options ??= new ContagionTestOptions();
        var n = graph.NodeCount;
        Check(trait.Length == n, $"The trait has {trait.Length} values but the graph has {n} nodes.");
        Check(traitLater is null || traitLater.Length == n, "The later trait must have one value per node.");
        Check(options.MaxDistance is >= 1 and <= 4, "MaxDistance must lie between 1 and 4.");
        Check(options.Shuffles >= 19, "At least 19 shuffles are needed for a 5% test.");
        Check(options.Strata is null || options.Strata.Length == n, "Strata must have one value per node.");
        Check((placeboEarlier is null) == (placeboLater is null), "A placebo needs both time points.");
        Check(placeboEarlier is null || (placeboEarlier.Length == n && placeboLater!.Length == n), "The placebo must have one value per node at each time point.");
        var strata = StrataGroups(options.Strata, n);
        var byDistance = AssociationByDistance(graph, trait, options, strata);
        PermutationResult? onset = null, placebo = null;
        Coefficient[]? lagged = null;
        DirectionalityContrast? direction = null;
        double? eValue = null, eValueInterval = null;
        if (traitLater is not null)
        {
            var pairs = Pairs(graph);
            onset = OnsetTest(pairs, trait, traitLater, options, strata, "onset difference");
            lagged = LaggedModel(pairs, trait, traitLater, _ => true);
            if (graph.IsDirected)
            {
                direction = Directionality(graph, pairs, trait, traitLater);
            }
            if (placeboEarlier is not null)
            {
                placebo = OnsetTest(pairs, placeboEarlier, placeboLater!, options with { Seed = options.Seed + 1 }, strata, "placebo onset difference");
            }
            if (lagged is not null)
            {
                (eValue, eValueInterval) = EValues(lagged[2], trait, traitLater);
            }
        }
        var findings = Wording(byDistance, onset, lagged, direction, placebo, eValue, eValueInterval, options.Strata is not null);
        return new ContagionReport(
            trait.Count(t => t) / (double)Math.Max(n, 1), byDistance, onset, lagged, direction, placebo, eValue, eValueInterval,
            findings, StandingAlternatives);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }

    internal static int[][] StrataGroups(int[]? strata, int n)
    {
        if (strata is null)
        {
            return [Enumerable.Range(0, n).ToArray()];
        }
        return [.. strata.Select((s, v) => (s, v)).GroupBy(p => p.s).OrderBy(g => g.Key).Select(g => g.Select(p => p.v).ToArray())];
    }

    /// <summary>Permutes whole people within strata: person order[v] supplies the values that node v shows in this shuffle.</summary>
    internal static void Permute(int[][] strata, int[] order, SeededRandom random)
    {
        foreach (var group in strata)
        {
            var scratch = (int[])group.Clone();
            random.Shuffle(scratch.AsSpan());
            for (var i = 0; i < group.Length; i++)
            {
                order[group[i]] = scratch[i];
            }
        }
    }

    // ---- Association by degree of separation ----

    private static DistanceAssociation[] AssociationByDistance(CsrGraph graph, bool[] trait, ContagionTestOptions options, int[][] strata)
    {
        var n = graph.NodeCount;
        var depth = options.MaxDistance;
        var egos = ChooseEgos(graph, depth, options);
        var sampled = egos.Length < n;
        var layers = new int[egos.Length * (depth + 1)][];
        ParallelWork.ForChunks(egos.Length, 64, () => new Bfs(n), (start, end, bfs) =>
        {
            for (var i = start; i < end; i++)
            {
                var levels = bfs.Levels(graph, egos[i], depth);
                for (var d = 1; d <= depth; d++)
                {
                    layers[(i * (depth + 1)) + d] = levels[d];
                }
            }
        });
        var pairs = new long[depth + 1];
        for (var i = 0; i < egos.Length; i++)
        {
            for (var d = 1; d <= depth; d++)
            {
                pairs[d] += layers[(i * (depth + 1)) + d].Length;
            }
        }
        double[] Statistic(bool[] x)
        {
            var result = new double[depth + 1];
            for (var d = 1; d <= depth; d++)
            {
                long both = 0, alterHas = 0;
                for (var i = 0; i < egos.Length; i++)
                {
                    var count = 0;
                    foreach (var j in layers[(i * (depth + 1)) + d])
                    {
                        count += x[j] ? 1 : 0;
                    }
                    alterHas += count;
                    if (x[egos[i]])
                    {
                        both += count;
                    }
                }
                result[d] = alterHas == 0 ? double.NaN : (double)both / alterHas;
            }
            return result;
        }
        var observed = Statistic(trait);
        var nulls = new double[options.Shuffles][];
        ParallelWork.ForChunks(options.Shuffles, 4, () => (Order: new int[n], Values: new bool[n]), (start, end, scratch) =>
        {
            for (var s = start; s < end; s++)
            {
                Permute(strata, scratch.Order, new SeededRandom(TaskSeeds.For(options.Seed, s)));
                for (var v = 0; v < n; v++)
                {
                    scratch.Values[v] = trait[scratch.Order[v]];
                }
                nulls[s] = Statistic(scratch.Values);
            }
        });
        var result = new DistanceAssociation[depth];
        for (var d = 1; d <= depth; d++)
        {
            var column = nulls.Select(row => row[d]).Where(double.IsFinite).ToArray();
            var summary = Summarise(observed[d], column);
            result[d - 1] = new DistanceAssociation(
                d, pairs[d], observed[d], summary.NullMean, summary.NullLow, summary.NullHigh,
                (observed[d] / summary.NullMean) - 1, (observed[d] / summary.NullHigh) - 1, (observed[d] / summary.NullLow) - 1,
                summary.PValue, sampled);
        }
        return result;
    }

    private static int[] ChooseEgos(CsrGraph graph, int depth, ContagionTestOptions options)
    {
        var n = graph.NodeCount;
        // Estimate the pairs from a few egos' searches; sample egos when storing every pair would be too much.
        var probe = new Bfs(n);
        var random = new SeededRandom(TaskSeeds.For(options.Seed, -1));
        var probes = Math.Min(n, 200);
        long seen = 0;
        for (var i = 0; i < probes; i++)
        {
            seen += probe.Levels(graph, random.NextInt(n), depth).Skip(1).Sum(l => (long)l.Length);
        }
        var estimate = n == 0 ? 0 : seen / (double)probes * n;
        if (estimate <= options.MaxPairs)
        {
            return Enumerable.Range(0, n).ToArray();
        }
        var keep = (int)Math.Max(100, n * options.MaxPairs / estimate);
        var all = Enumerable.Range(0, n).ToArray();
        random.Shuffle(all.AsSpan());
        var egos = all[..Math.Min(keep, n)];
        Array.Sort(egos);
        return egos;
    }

    private sealed class Bfs(int n)
    {
        private readonly int[] _distance = Enumerable.Repeat(-1, n).ToArray();

        /// <summary>The nodes at distance 0..depth from the source, ties read in either direction.</summary>
        public int[][] Levels(CsrGraph graph, int source, int depth)
        {
            var levels = new List<int>[depth + 1];
            levels[0] = [source];
            _distance[source] = 0;
            for (var d = 1; d <= depth; d++)
            {
                levels[d] = [];
                foreach (var v in levels[d - 1])
                {
                    Expand(graph.Neighbors(v), levels[d], d);
                    if (graph.IsDirected)
                    {
                        Expand(graph.InNeighbors(v), levels[d], d);
                    }
                }
            }
            foreach (var level in levels)
            {
                foreach (var v in level)
                {
                    _distance[v] = -1;
                }
            }
            return [.. levels.Select(l => l.ToArray())];
        }

        private void Expand(ReadOnlySpan<int> row, List<int> next, int d)
        {
            foreach (var u in row)
            {
                if (_distance[u] < 0)
                {
                    _distance[u] = d;
                    next.Add(u);
                }
            }
        }
    }

    private static PermutationResult Summarise(double observed, double[] nulls, string statistic = "", int shuffles = 0)
    {
        var sorted = (double[])nulls.Clone();
        Array.Sort(sorted);
        var mean = sorted.Length == 0 ? double.NaN : sorted.Average();
        double Quantile(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Floor(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
        var atLeast = sorted.Count(x => x >= observed - 1e-12);
        return new PermutationResult(statistic, observed, mean, Quantile(0.025), Quantile(0.975), (1.0 + atLeast) / (1.0 + sorted.Length), shuffles);
    }

    // ---- Two time points ----

    /// <summary>Ordered ego–alter pairs over ties (both directions for undirected ties), with who named whom.</summary>
    internal static (int Ego, int Alter, byte Kind)[] Pairs(CsrGraph graph)
    {
        // Kind: 0 undirected tie, 1 ego named alter only, 2 alter named ego only, 3 mutual.
        var pairs = new List<(int, int, byte)>();
        for (var e = 0; e < graph.NodeCount; e++)
        {
            var named = graph.Neighbors(e);
            if (!graph.IsDirected)
            {
                var previous = -1;
                foreach (var a in named)
                {
                    if (a != e && a != previous)
                    {
                        pairs.Add((e, a, 0));
                    }
                    previous = a;
                }
                continue;
            }
            var namers = graph.InNeighbors(e);
            var kinds = new SortedDictionary<int, byte>();
            foreach (var a in named)
            {
                if (a != e)
                {
                    kinds[a] = 1;
                }
            }
            foreach (var a in namers)
            {
                if (a != e)
                {
                    kinds[a] = kinds.TryGetValue(a, out var k) && k is 1 or 3 ? (byte)3 : (byte)2;
                }
            }
            foreach (var (a, kind) in kinds)
            {
                pairs.Add((e, a, kind));
            }
        }
        return [.. pairs];
    }

    private static PermutationResult OnsetTest((int Ego, int Alter, byte Kind)[] pairs, bool[] before, bool[] after, ContagionTestOptions options, int[][] strata, string name)
    {
        var n = before.Length;
        double Statistic(Func<int, int> person)
        {
            // Among egos without the trait at t1: P(onset | alter had it at t1) − P(onset | alter did not).
            long exposed = 0, exposedOnset = 0, unexposed = 0, unexposedOnset = 0;
            foreach (var (ego, alter, _) in pairs)
            {
                var e = person(ego);
                if (before[e])
                {
                    continue;
                }
                if (before[person(alter)])
                {
                    exposed++;
                    exposedOnset += after[e] ? 1 : 0;
                }
                else
                {
                    unexposed++;
                    unexposedOnset += after[e] ? 1 : 0;
                }
            }
            return exposed == 0 || unexposed == 0 ? 0 : ((double)exposedOnset / exposed) - ((double)unexposedOnset / unexposed);
        }
        var observed = Statistic(v => v);
        var nulls = new double[options.Shuffles];
        ParallelWork.ForChunks(options.Shuffles, 8, () => new int[n], (start, end, order) =>
        {
            for (var s = start; s < end; s++)
            {
                Permute(strata, order, new SeededRandom(TaskSeeds.For(options.Seed ^ 0x5EED, s)));
                nulls[s] = Statistic(v => order[v]);
            }
        });
        return Summarise(observed, nulls, name, options.Shuffles);
    }

    private static Coefficient[]? LaggedModel((int Ego, int Alter, byte Kind)[] pairs, bool[] before, bool[] after, Func<byte, bool> include)
    {
        var rows = new List<double[]>();
        var outcome = new List<bool>();
        var cluster = new List<int>();
        foreach (var (ego, alter, kind) in pairs)
        {
            if (!include(kind))
            {
                continue;
            }
            rows.Add([1, before[ego] ? 1 : 0, before[alter] ? 1 : 0]);
            outcome.Add(after[ego]);
            cluster.Add(ego);
        }
        return rows.Count < 10 ? null : Logistic.Fit(rows, outcome, cluster, ["intercept", "ego trait at t1", "alter trait at t1"]);
    }

    private static DirectionalityContrast Directionality(CsrGraph graph, (int Ego, int Alter, byte Kind)[] pairs, bool[] before, bool[] after)
    {
        _ = graph;
        var egoNamed = LaggedModel(pairs, before, after, k => k == 1)?[2];
        var alterNamed = LaggedModel(pairs, before, after, k => k == 2)?[2];
        var mutual = LaggedModel(pairs, before, after, k => k == 3)?[2];
        if (egoNamed is null || alterNamed is null)
        {
            return new DirectionalityContrast(egoNamed, alterNamed, mutual, double.NaN, double.NaN, double.NaN);
        }
        var difference = egoNamed.Value - alterNamed.Value;
        var se = Math.Sqrt((egoNamed.StandardError * egoNamed.StandardError) + (alterNamed.StandardError * alterNamed.StandardError));
        return new DirectionalityContrast(egoNamed, alterNamed, mutual, difference, difference - (1.959963984540054 * se), difference + (1.959963984540054 * se));
    }

    /// <summary>
    /// E-values (VanderWeele and Ding 2017): the risk ratio RR becomes RR + √(RR(RR − 1)). The odds ratio is turned into a
    /// risk ratio by √OR when the outcome is common (above 15%), as they recommend, and used as it is when rare.
    /// </summary>
    private static (double Point, double Interval) EValues(Coefficient alter, bool[] before, bool[] after)
    {
        var prevalence = after.Count(a => a) / (double)Math.Max(1, after.Length);
        double RiskRatio(double logOdds)
        {
            var rr = prevalence > 0.15 ? Math.Exp(logOdds / 2) : Math.Exp(logOdds);
            return rr < 1 ? 1 / rr : rr;
        }
        double EValue(double rr) => rr + Math.Sqrt(rr * (rr - 1));
        _ = before;
        var point = EValue(RiskRatio(alter.Value));
        var includesNull = alter.Low <= 0 && alter.High >= 0;
        var nearer = alter.Value >= 0 ? alter.Low : alter.High;
        return (point, includesNull ? 1 : EValue(RiskRatio(nearer)));
    }

    private static string[] Wording(
        DistanceAssociation[] byDistance, PermutationResult? onset, Coefficient[]? lagged, DirectionalityContrast? direction,
        PermutationResult? placebo, double? eValue, double? eValueInterval, bool stratified)
    {
        var findings = new List<string>();
        var null_ = stratified ? "a null that keeps the network, the prevalence and the strata" : "a null that keeps the network and the prevalence";
        foreach (var d in byDistance)
        {
            var change = d.RelativeIncrease * 100;
            findings.Add(d.PValue < 0.05
                ? $"At distance {d.Distance}, a person whose contact has the trait is {change:F0}% {(change >= 0 ? "more" : "less")} likely to have it than under {null_} (range {d.IncreaseLow * 100:F0}% to {d.IncreaseHigh * 100:F0}%, p = {d.PValue:F3}): the trait clusters in the network at this distance."
                : $"At distance {d.Distance}, the clustering ({change:F0}%, p = {d.PValue:F3}) is within what {null_} produces: no evidence of clustering at this distance.");
        }
        if (onset is not null)
        {
            findings.Add(onset.PValue < 0.05
                ? $"Among people without the trait at the first time point, those with a contact who had it took it up more often (difference {onset.Observed:F3}, null 95% range {onset.NullLow:F3} to {onset.NullHigh:F3}, p = {onset.PValue:F3}). This is consistent with contagion, and also with the alternatives listed."
                : $"Onset of the trait is not associated with contacts' earlier trait beyond {null_} (difference {onset.Observed:F3}, p = {onset.PValue:F3}): the data give no support to contagion at this sample size.");
        }
        if (lagged is not null)
        {
            var alter = lagged[2];
            findings.Add($"Lagged model (ego at t2 on ego and contact at t1): odds ratio for the contact's earlier trait {alter.OddsRatio:F2} (95% interval {Math.Exp(alter.Low):F2} to {Math.Exp(alter.High):F2}, clustered by person).");
        }
        if (direction is not null && double.IsFinite(direction.Difference))
        {
            findings.Add(direction.Low > 0
                ? $"The association is stronger when the ego named the contact than when the contact named the ego (difference in log-odds {direction.Difference:F2}, {direction.Low:F2} to {direction.High:F2}): the asymmetry contagion predicts, which homophily alone would not produce."
                : $"The association does not differ by who named whom (difference in log-odds {direction.Difference:F2}, {direction.Low:F2} to {direction.High:F2}): no directional signature of contagion.");
        }
        if (placebo is not null)
        {
            findings.Add(placebo.PValue < 0.05
                ? $"The placebo attribute, which cannot spread between people, shows the same pattern (p = {placebo.PValue:F3}): the method is picking up confounding here, so the main result is not evidence of contagion."
                : $"The placebo attribute shows no such pattern (p = {placebo.PValue:F3}), as it should.");
        }
        if (eValue is { } e && eValueInterval is { } ei)
        {
            findings.Add($"Sensitivity: an unmeasured characteristic shared by contacts would need to be associated with both the contact's earlier trait and the person's later trait by a risk ratio of {e:F2} each, beyond the strata, to explain the lagged association away; {ei:F2} each would make its interval include no effect.");
        }
        findings.Add("None of these results shows that the trait causes itself to spread: they say what the data are consistent with.");
        return [.. findings];
    }
}
