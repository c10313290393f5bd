using Connective.Budgeting.Numerics;

namespace Connective.Budgeting.Rules;

/// <summary>The outcome of one Equal Shares run at a fixed endowment.</summary>
/// <param name="Selected">Project indices in the order funded (supported projects of cost 0 first).</param>
/// <param name="Rounds">The trace, when asked for.</param>
/// <param name="Uncertain">Floating point only: a decision was too close to call, so the run must be redone exactly.</param>
/// <param name="Exact">Whether the run used exact arithmetic (its trace carries exact values).</param>
internal sealed record EqualSharesOutcome(List<int> Selected, List<RoundTrace>? Rounds, bool Uncertain, bool Exact = false)
{
    /// <summary>Floating-point runs: what the exact recheck needs to price only the close candidates (see <see cref="EqualSharesHint"/>).</summary>
    public EqualSharesHint? Hint { get; init; }
}

/// <summary>
/// What a floating-point run saw, so that an exact recheck can skip what was not close. For each search round: the
/// winner, and every project's price factor or lower bound (+∞ when the project was clearly unaffordable, −∞ when
/// its affordability was too close to call). While the exact run funds the same projects, its state matches the
/// floating-point one to within rounding (relative ~1e-13), so a candidate whose floating-point bound exceeds the
/// exact best by more than <see cref="Slack"/> cannot win; only the winner and the near-tied candidates are priced
/// exactly. At the first round where the exact winner differs, the exact run goes on without the hint.
/// </summary>
internal sealed class EqualSharesHint
{
    /// <summary>Relative slack between a floating-point bound and an exact price (far above the rounding, below the 1e-9 closeness margin's use).</summary>
    public const double Slack = 1e-8;

    public List<int> Winners { get; } = [];

    public List<double[]> Bounds { get; } = [];
}

/// <summary>
/// One run of the Method of Equal Shares at a fixed per-voter endowment, in arithmetic <typeparamref name="T"/>.
/// <para>
/// Voters are kept in groups that share an endowment: a voter's endowment depends only on which funded projects
/// they voted for and their utility for each, so a group splits only when some of its members pay for a winner. For
/// each project the engine keeps how many of its supporters sit in each group (with each utility value), updated
/// only for the winner's supporters. A project's price factor ρ is the least ρ with
/// Σ over its supporters min(endowment, ρ × utility) ≥ cost; it is computed from the groups exactly as pabutools
/// computes it from single voters (supporters in order of endowment ÷ utility, the poorer paying all they have),
/// and since ρ only grows as endowments shrink, the last value computed is a lower bound that lets a round skip
/// projects that cannot beat the best one found so far.
/// </para>
/// </summary>
internal sealed class EqualSharesRun<T> where T : struct, INumeric<T>
{
    private readonly BallotProfile _profile;
    private readonly T[][] _utilities;
    private readonly T[] _costs;
    private readonly int[] _supporterUtility;

    // Groups of voters with equal endowments.
    private readonly List<T> _groupBudget = [];
    private readonly List<int> _groupSize = [];
    private readonly List<int> _groupParent = [];
    private readonly List<int> _groupAddedProject = [];
    private readonly int[] _voterGroup;
    private int _capacity;

    // _counts[group * _slots + _slotStart[j] + u]: supporters of j in that group with j's u-th utility value.
    // Group-major, so moving a voter between groups touches two short rows rather than scattered cells.
    private int[] _counts;
    private readonly int[] _slotStart;
    private readonly int _slots;

    // Groups that may hold supporters of each project (entries whose counts fell to zero are dropped lazily).
    private readonly List<int>[] _groupsOf;
    private readonly bool[] _alive;
    private readonly T[] _lowerBound;
    private bool _uncertain;

    // Floating point: projects found unaffordable by a margin too small to trust (the exact recheck must price them).
    private readonly bool[] _closeToAffordable;
    private bool _lastAffordabilityClose;

    // Scratch for one price computation.
    private readonly List<(int Group, int Utility, int Count, double Key)> _entries = [];

    private EqualSharesRun(BallotProfile profile, int[] supporterUtility, EqualSharesScratch? scratch)
    {
        _profile = profile;
        _supporterUtility = supporterUtility;
        var m = profile.ProjectCount;
        _utilities = new T[m][];
        _costs = new T[m];
        _alive = new bool[m];
        _lowerBound = new T[m];
        _closeToAffordable = new bool[m];
        _slotStart = new int[m + 1];
        for (var j = 0; j < m; j++)
        {
            _utilities[j] = [.. profile.UtilityValues[j].Select(T.FromDecimal)];
            _costs[j] = T.FromDecimal(profile.Costs[j]);
            _slotStart[j + 1] = _slotStart[j] + Math.Max(1, _utilities[j].Length);
        }
        _slots = _slotStart[m];

        // add1 makes hundreds of runs on one profile: reuse the big arrays, clearing only what the last run used.
        scratch ??= new EqualSharesScratch();
        if (scratch.GroupsOf.Length != m || scratch.VoterGroup.Length != profile.VoterCount || scratch.Slots != _slots)
        {
            scratch.Counts = new int[4 * _slots];
            scratch.GroupsOf = new List<int>[m];
            scratch.VoterGroup = new int[profile.VoterCount];
            scratch.Capacity = 4;
            scratch.UsedGroups = 0;
            scratch.Slots = _slots;
        }
        else
        {
            Array.Clear(scratch.VoterGroup);
            Array.Clear(scratch.Counts, 0, Math.Min(scratch.Counts.Length, scratch.UsedGroups * _slots));
        }
        _scratch = scratch;
        _counts = scratch.Counts;
        _groupsOf = scratch.GroupsOf;
        _voterGroup = scratch.VoterGroup;
        _capacity = scratch.Capacity;
        for (var j = 0; j < m; j++)
        {
            (_groupsOf[j] ??= []).Clear();
            _groupsOf[j].Add(0);
        }
    }

    private readonly EqualSharesScratch _scratch;

    /// <summary>For each supporter entry of <see cref="BallotProfile.Supporters"/>, the index of that voter's utility value for the project.</summary>
    public static int[] SupporterUtilityIndices(BallotProfile profile)
    {
        var result = new int[profile.Supporters.Length];
        var fill = (int[])profile.SupporterStart.Clone();
        for (var v = 0; v < profile.VoterCount; v++)
        {
            for (var at = profile.VoterStart[v]; at < profile.VoterStart[v + 1]; at++)
            {
                result[fill[profile.VoterProjects[at]]++] = profile.VoterUtilityIndex[at];
            }
        }
        return result;
    }

    /// <summary>Runs Equal Shares with every voter starting at <paramref name="endowment"/>.</summary>
    /// <param name="profile">The ballots.</param>
    /// <param name="supporterUtility">From <see cref="SupporterUtilityIndices"/>.</param>
    /// <param name="endowment">Each voter's starting endowment.</param>
    /// <param name="forced">If given, the projects to fund in this order (replaying a run certified in floating point) instead of searching.</param>
    /// <param name="trace">Whether to record the rounds.</param>
    /// <param name="scratch">Arrays to reuse between runs on the same profile, or null.</param>
    /// <param name="hint">For an exact recheck: what the floating-point run saw, to price only the close candidates.</param>
    public static EqualSharesOutcome Run(BallotProfile profile, int[] supporterUtility, Rational endowment, IReadOnlyList<int>? forced, bool trace, EqualSharesScratch? scratch = null, EqualSharesHint? hint = null)
    {
        var run = new EqualSharesRun<T>(profile, supporterUtility, scratch);
        var outcome = run.Execute(T.FromRational(endowment), forced, trace, hint);
        run._scratch.Capacity = run._capacity;
        run._scratch.Counts = run._counts;
        run._scratch.UsedGroups = run._groupBudget.Count;
        return outcome;
    }

    private EqualSharesOutcome Execute(T endowment, IReadOnlyList<int>? forced, bool trace, EqualSharesHint? hint)
    {
        var profile = _profile;
        var selected = new List<int>();
        var rounds = trace ? new List<RoundTrace>() : null;
        if (profile.VoterCount == 0)
        {
            return new(selected, rounds, false, T.IsExact);
        }
        _groupBudget.Add(endowment);
        _groupSize.Add(profile.VoterCount);
        _groupParent.Add(-1);
        _groupAddedProject.Add(-1);
        for (var j = 0; j < profile.ProjectCount; j++)
        {
            if (profile.TotalUtility[j] <= 0)
            {
                continue;
            }
            if (profile.Costs[j] == 0)
            {
                // pabutools funds a supported project of cost 0 before the rounds start.
                selected.Add(j);
                rounds?.Add(new RoundTrace { Number = rounds.Count + 1, Project = profile.Project(j), Action = RoundAction.Funded, PriceFactor = 0, ExactPriceFactor = T.IsExact ? Rational.Zero : null });
                continue;
            }
            _alive[j] = true;
            _lowerBound[j] = _costs[j] / T.FromDecimal(profile.TotalUtility[j]);
            var slot = _slotStart[j];
            for (var s = profile.SupporterStart[j]; s < profile.SupporterStart[j + 1]; s++)
            {
                _counts[slot + _supporterUtility[s]]++;
            }
        }

        var forcedAt = forced is null ? -1 : selected.Count;
        var candidates = new List<int>();
        var recording = !T.IsExact && forced is null ? new EqualSharesHint() : null;
        var following = T.IsExact && forced is null ? hint : null;
        var round = 0;
        while (true)
        {
            int winner;
            T price;
            if (forced is not null)
            {
                if (forcedAt >= forced.Count)
                {
                    break;
                }
                winner = forced[forcedAt++];
                if (!TryPrice(winner, out price))
                {
                    throw new InvalidOperationException("A certified Equal Shares run could not be replayed exactly.");
                }
            }
            else
            {
                bool found;
                if (following is not null && round < following.Bounds.Count && TryChooseGuided(following, round, out var guided, out winner, out price, out var deviated))
                {
                    found = guided;
                    following = deviated ? null : following;
                }
                else
                {
                    following = null;
                    found = TryChooseWinner(candidates, out winner, out price);
                }
                recording?.Record(found ? winner : -1, _alive, _lowerBound, _closeToAffordable);
                round++;
                if (!found)
                {
                    break;
                }
            }
            var payments = Pay(winner, price, trace);
            _alive[winner] = false;
            selected.Add(winner);
            if (rounds is not null)
            {
                rounds.Add(new RoundTrace
                {
                    Number = rounds.Count + 1,
                    Project = profile.Project(winner),
                    Action = RoundAction.Funded,
                    Score = 1.0 / price.ToDouble(),
                    PriceFactor = price.ToDouble(),
                    ExactPriceFactor = T.IsExact ? price.ToRational() : null,
                    Payments = payments!,
                    LazyEndowments = Endowments(),
                });
            }
        }
        return new(selected, rounds, _uncertain, T.IsExact) { Hint = recording };
    }

    /// <summary>
    /// One exact round guided by the floating-point run's round <paramref name="round"/>: prices its winner, then only
    /// the candidates whose floating-point bound comes within <see cref="EqualSharesHint.Slack"/> of the exact best.
    /// Returns false when the guide cannot be used (its winner is not affordable exactly): the caller then searches in
    /// full. <paramref name="deviated"/> says the exact winner differs from the guide's, so later rounds must not follow it.
    /// </summary>
    private bool TryChooseGuided(EqualSharesHint hint, int round, out bool found, out int winner, out T best, out bool deviated)
    {
        var bounds = hint.Bounds[round];
        var hinted = round < hint.Winners.Count ? hint.Winners[round] : -1;
        found = false;
        winner = -1;
        best = T.Zero;
        deviated = false;
        if (hinted >= 0)
        {
            if (!_alive[hinted] || !TryPrice(hinted, out best))
            {
                return false;
            }
            _lowerBound[hinted] = best;
            winner = hinted;
        }
        var bestApproximately = winner >= 0 ? best.ToDouble() : double.PositiveInfinity;
        for (var j = 0; j < _alive.Length; j++)
        {
            if (!_alive[j] || j == hinted)
            {
                continue;
            }
            var bound = bounds[j];
            if (double.IsPositiveInfinity(bound))
            {
                // Clearly unaffordable in floating point, so exactly too: endowments only shrink.
                _alive[j] = false;
                continue;
            }
            if (bound * (1 - EqualSharesHint.Slack) > bestApproximately)
            {
                continue;
            }
            if (!TryPrice(j, out var rho))
            {
                _alive[j] = false;
                continue;
            }
            _lowerBound[j] = rho;
            if (winner < 0 || rho < best || (rho == best && _profile.TieRank[j] < _profile.TieRank[winner]))
            {
                winner = j;
                best = rho;
                bestApproximately = rho.ToDouble();
            }
        }
        found = winner >= 0;
        deviated = winner != hinted;
        return true;
    }

    private bool TryChooseWinner(List<int> candidates, out int winner, out T best)
    {
        candidates.Clear();
        for (var j = 0; j < _alive.Length; j++)
        {
            if (_alive[j])
            {
                candidates.Add(j);
            }
        }
        candidates.Sort((a, b) => _lowerBound[a].ToDouble().CompareTo(_lowerBound[b].ToDouble()));
        winner = -1;
        best = T.Zero;
        foreach (var j in candidates)
        {
            if (winner >= 0 && _lowerBound[j] > best && !T.NearlyEqual(_lowerBound[j], best))
            {
                break;
            }
            if (!TryPrice(j, out var rho))
            {
                _alive[j] = false;
                _closeToAffordable[j] = _lastAffordabilityClose;
                continue;
            }
            _lowerBound[j] = rho;
            if (winner < 0)
            {
                winner = j;
                best = rho;
                continue;
            }
            if (!T.IsExact && T.NearlyEqual(rho, best))
            {
                _uncertain = true;
            }
            if (rho < best || (rho == best && _profile.TieRank[j] < _profile.TieRank[winner]))
            {
                winner = j;
                best = rho;
            }
        }
        return winner >= 0;
    }

    /// <summary>The least ρ at which the supporters of <paramref name="j"/> can pay its cost, or false if their endowments fall short.</summary>
    private bool TryPrice(int j, out T rho)
    {
        var utilities = _utilities[j];
        var width = utilities.Length;
        var slot = _slotStart[j];
        _entries.Clear();
        var available = T.Zero;
        var availableApproximately = 0.0;
        var denominator = T.Zero;
        var groupsOf = _groupsOf[j];
        var kept = 0;
        for (var i = 0; i < groupsOf.Count; i++)
        {
            var g = groupsOf[i];
            var budget = _groupBudget[g];
            if (budget.IsZero || !AnySupporters(j, g))
            {
                continue;
            }
            groupsOf[kept++] = g;
            for (var u = 0; u < width; u++)
            {
                var count = _counts[(g * _slots) + slot + u];
                if (count == 0)
                {
                    continue;
                }
                var c = T.FromLong(count);
                var budgetApproximately = budget.ToDouble();
                if (T.IsExact)
                {
                    // Summed exactly only when the double sum cannot decide (below): rational sums are the costly part.
                    availableApproximately += count * budgetApproximately;
                }
                else
                {
                    available += c * budget;
                }
                denominator += c * utilities[u];
                _entries.Add((g, u, count, budgetApproximately / utilities[u].ToDouble()));
            }
        }
        groupsOf.RemoveRange(kept, groupsOf.Count - kept);
        var cost = _costs[j];
        if (T.IsExact)
        {
            // Each term is correct to a few units in the last place, so the double sum is within a relative 1e-12 of
            // the exact one; outside twice that of the cost the comparison is certain.
            var costApproximately = cost.ToDouble();
            // Only the comparison with the cost is used below, so a certain answer is stood for by cost ± 1.
            available = Math.Abs(availableApproximately - costApproximately) > 2e-12 * Math.Max(availableApproximately, costApproximately)
                ? T.FromLong(availableApproximately < costApproximately ? -1 : 1) + cost
                : ExactAvailable();
        }
        _lastAffordabilityClose = !T.IsExact && T.NearlyEqual(available, cost);
        if (_lastAffordabilityClose)
        {
            _uncertain = true;
        }
        if (available < cost)
        {
            rho = T.Zero;
            return false;
        }
        _entries.Sort((a, b) => a.Key.CompareTo(b.Key));
        if (T.IsExact)
        {
            SortNearlyEqualKeysExactly(utilities);
        }
        var paid = T.Zero;
        rho = T.Zero;
        foreach (var (group, u, count, _) in _entries)
        {
            rho = (cost - paid) / denominator;
            var wanted = rho * utilities[u];
            var budget = _groupBudget[group];
            if (!T.IsExact && T.NearlyEqual(wanted, budget))
            {
                _uncertain = true;
            }
            if (wanted <= budget)
            {
                return true;
            }
            var c = T.FromLong(count);
            paid += c * budget;
            denominator -= c * utilities[u];
        }
        // Only reachable through rounding: the endowments cover the cost, yet no supporter can pay the last share.
        _uncertain = true;
        return true;
    }

    /// <summary>The endowments of the supporters listed in the entries, summed exactly.</summary>
    private T ExactAvailable()
    {
        var available = T.Zero;
        foreach (var (group, _, count, _) in _entries)
        {
            available += T.FromLong(count) * _groupBudget[group];
        }
        return available;
    }

    /// <summary>
    /// Exact runs sort the entries by their double key (endowment ÷ utility, correct to a few units in the last
    /// place), then put each run of keys within a relative 1e-12 of each other in exact order by cross-multiplication:
    /// the same order as an exact sort, with big-integer products only where doubles could be wrong.
    /// </summary>
    private void SortNearlyEqualKeysExactly(T[] utilities)
    {
        var entries = _entries;
        for (var start = 0; start < entries.Count;)
        {
            var end = start + 1;
            while (end < entries.Count && entries[end].Key - entries[end - 1].Key <= 1e-12 * Math.Abs(entries[end].Key))
            {
                end++;
            }
            if (end - start > 1)
            {
                entries.Sort(start, end - start, Comparer<(int Group, int Utility, int Count, double Key)>.Create((a, b) =>
                {
                    var left = _groupBudget[a.Group] * utilities[b.Utility];
                    var right = _groupBudget[b.Group] * utilities[a.Utility];
                    return left < right ? -1 : left > right ? 1 : 0;
                }));
            }
            start = end;
        }
    }

    /// <summary>Charges the supporters of <paramref name="winner"/> at price factor <paramref name="rho"/>, splitting their groups.</summary>
    private List<PaymentGroup>? Pay(int winner, T rho, bool trace)
    {
        var utilities = _utilities[winner];
        var width = utilities.Length;
        var winnerSlot = _slotStart[winner];
        var oldGroups = _groupBudget.Count;
        var newGroupOf = new int[oldGroups * width];
        Array.Fill(newGroupOf, -1);
        var payments = trace ? new List<PaymentGroup>() : null;
        foreach (var g in _groupsOf[winner])
        {
            for (var u = 0; u < width; u++)
            {
                var count = _counts[(g * _slots) + winnerSlot + u];
                if (count == 0)
                {
                    continue;
                }
                var budget = _groupBudget[g];
                var wanted = rho * utilities[u];
                if (!T.IsExact && !budget.IsZero && T.NearlyEqual(wanted, budget))
                {
                    _uncertain = true;
                }
                var payment = wanted < budget ? wanted : budget;
                var left = budget - payment;
                payments?.Add(new PaymentGroup
                {
                    Voters = count,
                    Utility = utilities[u].ToDouble(),
                    EndowmentBefore = budget.ToDouble(),
                    Payment = payment.ToDouble(),
                    ExactUtility = T.IsExact ? utilities[u].ToRational() : null,
                    ExactEndowmentBefore = T.IsExact ? budget.ToRational() : null,
                    ExactPayment = T.IsExact ? payment.ToRational() : null,
                    LazySignature = LazySignature(g),
                });
                if (left.IsZero)
                {
                    // Voters with nothing left are alike whatever they paid for: one group, which no price needs.
                    newGroupOf[g * width + u] = ExhaustedGroup();
                    continue;
                }
                newGroupOf[g * width + u] = _groupBudget.Count;
                _groupBudget.Add(left);
                _groupSize.Add(0);
                _groupParent.Add(g);
                _groupAddedProject.Add(winner);
            }
        }
        EnsureCapacity(_groupBudget.Count);

        var profile = _profile;
        // Locals for the hot loop below: it runs once per (supporter of the winner, project on their ballot).
        var counts = _counts;
        var alive = _alive;
        var slotStart = _slotStart;
        var voterStart = profile.VoterStart;
        var voterProjects = profile.VoterProjects;
        var utilityIndex = profile.VoterUtilityIndex;
        var unitWidth = _slots == _alive.Length;
        for (var s = profile.SupporterStart[winner]; s < profile.SupporterStart[winner + 1]; s++)
        {
            var v = profile.Supporters[s];
            var from = _voterGroup[v];
            var to = newGroupOf[from * width + _supporterUtility[s]];
            if (to < 0 || to == from)
            {
                continue;
            }
            _voterGroup[v] = to;
            _groupSize[from]--;
            _groupSize[to]++;
            // Counts in the group of voters with nothing left are never read: only leave the old group there.
            var exhausted = to == _exhausted;
            var fromRow = from * _slots;
            var toRow = to * _slots;
            var end = voterStart[v + 1];
            for (var at = voterStart[v]; at < end; at++)
            {
                var j = voterProjects[at];
                if (!alive[j] || j == winner)
                {
                    continue;
                }
                if (unitWidth)
                {
                    counts[fromRow + j]--;
                    if (!exhausted && counts[toRow + j]++ == 0)
                    {
                        _groupsOf[j].Add(to);
                    }
                    continue;
                }
                var cell = slotStart[j] + utilityIndex[at];
                counts[fromRow + cell]--;
                if (exhausted)
                {
                    continue;
                }
                if (!AnySupporters(j, to))
                {
                    _groupsOf[j].Add(to);
                }
                counts[toRow + cell]++;
            }
        }
        return payments;
    }

    private bool AnySupporters(int j, int group)
    {
        var start = (group * _slots) + _slotStart[j];
        var end = (group * _slots) + _slotStart[j + 1];
        for (var cell = start; cell < end; cell++)
        {
            if (_counts[cell] != 0)
            {
                return true;
            }
        }
        return false;
    }

    private int _exhausted = -1;

    private int ExhaustedGroup()
    {
        if (_exhausted < 0)
        {
            _exhausted = _groupBudget.Count;
            _groupBudget.Add(T.Zero);
            _groupSize.Add(0);
            _groupParent.Add(-1);
            _groupAddedProject.Add(-1);
        }
        return _exhausted;
    }

    private void EnsureCapacity(int groups)
    {
        if (groups <= _capacity)
        {
            return;
        }
        while (_capacity < groups)
        {
            _capacity *= 2;
        }
        Array.Resize(ref _counts, _capacity * _slots);
    }

    private Lazy<IReadOnlyList<string>> LazySignature(int group) => new(() => Signature(group));

    private List<string> Signature(int group)
    {
        var ids = new List<string>();
        for (var g = group; g >= 0 && _groupAddedProject[g] >= 0; g = _groupParent[g])
        {
            ids.Add(_profile.Project(_groupAddedProject[g]).Id);
        }
        ids.Reverse();
        return ids;
    }

    /// <summary>A snapshot of the groups' sizes and endowments, turned into records only if someone reads them.</summary>
    private Lazy<IReadOnlyList<EndowmentGroup>> Endowments()
    {
        var sizes = _groupSize.ToArray();
        var budgets = _groupBudget.ToArray();
        return new(() =>
        {
            var result = new List<EndowmentGroup>();
            for (var g = 0; g < sizes.Length; g++)
            {
                if (sizes[g] > 0)
                {
                    result.Add(new EndowmentGroup
                    {
                        Voters = sizes[g],
                        Endowment = budgets[g].ToDouble(),
                        ExactEndowment = T.IsExact ? budgets[g].ToRational() : null,
                        LazySignature = LazySignature(g),
                    });
                }
            }
            return result;
        });
    }
}

/// <summary>Recording a floating-point round for <see cref="EqualSharesHint"/>.</summary>
internal static class EqualSharesHintRecording
{
    public static void Record<T>(this EqualSharesHint hint, int winner, bool[] alive, T[] lowerBound, bool[] closeToAffordable)
        where T : struct, INumeric<T>
    {
        var bounds = new double[alive.Length];
        for (var j = 0; j < bounds.Length; j++)
        {
            bounds[j] = alive[j] ? lowerBound[j].ToDouble()
                : closeToAffordable[j] ? double.NegativeInfinity
                : double.PositiveInfinity;
        }
        if (winner >= 0)
        {
            // The winner is funded after this snapshot; the exact round prices it first anyway.
            hint.Winners.Add(winner);
        }
        hint.Bounds.Add(bounds);
    }
}
