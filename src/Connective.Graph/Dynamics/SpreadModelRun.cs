using Connective.Graph.Generators;

namespace Connective.Graph.Dynamics;

/// <summary>
/// One worker's scratch for runs of a spread process: node states and times sized to the graph once, and reset after each
/// run only where the run touched them, so a small outbreak on a large graph costs only what it reached.
/// </summary>
internal sealed class SpreadModelRun
{
    private const byte Susceptible = 0;
    private const byte Infected = 1;
    private const byte Recovered = 2;
    private const byte Blocked = 3;
    private const byte Pending = 4;

    private readonly PreparedSpread _p;
    private readonly SpreadOptions _o;
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly int[] _inOffsets;
    private readonly byte[] _state;
    private readonly bool[] _everActive;
    private readonly double[] _time;
    private readonly double[] _until;
    private readonly double[] _accumulated;
    private readonly List<int> _touched = [];
    private readonly PriorityQueue<(int Node, int Entry), double> _queue = new();
    private int[] _activeDiff = [];
    private int[] _cumulativeDiff = [];
    private int _everCount;

    public SpreadModelRun(PreparedSpread prepared)
    {
        _p = prepared;
        _o = prepared.Options;
        var n = prepared.Graph.NodeCount;
        _offsets = prepared.Graph.Offsets;
        _targets = prepared.Graph.Targets;
        _inOffsets = prepared.Graph.InOffsets;
        _state = new byte[n];
        _everActive = new bool[n];
        _time = new double[n];
        _until = new double[n];
        _accumulated = new double[n];
        Array.Fill(_time, double.PositiveInfinity);
        for (var v = 0; v < n; v++)
        {
            if (prepared.Fixed[v] == FixedNodeState.Immune)
            {
                _state[v] = Blocked;
            }
        }
    }

    /// <summary>Checks the options against the graph and gathers what every run shares.</summary>
    public static PreparedSpread Prepare(CsrGraph graph, SpreadOptions o)
    {
        var n = graph.NodeCount;
        var entries = graph.Targets.Length;
        Require(o.Runs >= 1, "Runs must be at least 1.");
        Require(o.TimePoints >= 2, "TimePoints must be at least 2.");
        Require(double.IsFinite(o.Transmission) && o.Transmission >= 0, "Transmission must be a non-negative number.");
        Require(double.IsFinite(o.Recovery) && o.Recovery >= 0, "Recovery must be a non-negative number.");
        Require(o.MaxTime > 0 && double.IsFinite(o.MaxTime), "MaxTime must be a positive number.");
        Require(o.MaxSteps >= 1, "MaxSteps must be at least 1.");
        Require(double.IsFinite(o.Threshold) && o.Threshold >= 0, "Threshold must be a non-negative number.");
        Require(!o.FractionalThreshold || o.Threshold <= 1, "A fractional threshold must lie in [0, 1].");
        if (IsDiscrete(o.Model))
        {
            Require(o.Transmission <= 1, "In a discrete model Transmission is a probability and must lie in [0, 1].");
            Require(o.Model is SpreadModel.IndependentCascade or SpreadModel.LinearThreshold or SpreadModel.ComplexContagion || o.Recovery <= 1,
                "In a discrete model Recovery is a probability and must lie in [0, 1].");
        }
        CheckArray(o.EdgeTransmission, entries, "EdgeTransmission", "adjacency entries");
        CheckArray(o.NodeSusceptibility, n, "NodeSusceptibility", "nodes");
        CheckArray(o.NodeRecovery, n, "NodeRecovery", "nodes");
        CheckArray(o.NodeThresholds, n, "NodeThresholds", "nodes");
        var fixedStates = o.FixedStates ?? new FixedNodeState[n];
        Require(fixedStates.Length == n, $"FixedStates has {fixedStates.Length} entries but the graph has {n} nodes.");
        var adopted = new List<int>();
        var free = new List<int>();
        for (var v = 0; v < n; v++)
        {
            switch (fixedStates[v])
            {
                case FixedNodeState.Adopted:
                    adopted.Add(v);
                    break;
                case FixedNodeState.Free:
                    free.Add(v);
                    break;
                case FixedNodeState.Immune:
                    break;
                default:
                    throw new ArgumentException($"FixedStates[{v}] is not a known state.", nameof(o));
            }
        }
        if (o.InitialNodes is { } initial)
        {
            foreach (var v in initial)
            {
                Require(v >= 0 && v < n, $"Initial node {v} is not a node of the graph (0..{n - 1}).");
                Require(fixedStates[v] != FixedNodeState.Immune, $"Initial node {v} is fixed as immune.");
            }
        }
        else
        {
            Require(o.InitialCount >= 0 && o.InitialCount <= free.Count,
                $"InitialCount must lie between 0 and the number of free nodes ({free.Count}).");
        }
        var horizon = IsDiscrete(o.Model) ? o.MaxSteps : o.MaxTime;
        var gridStep = horizon / (o.TimePoints - 1);
        if (IsDiscrete(o.Model))
        {
            // Discrete series are reported at whole steps.
            gridStep = Math.Max(1, Math.Ceiling(gridStep));
        }
        return new PreparedSpread(graph, o, fixedStates, [.. adopted], [.. free], gridStep);
    }

    private static bool IsDiscrete(SpreadModel model) => model is not (SpreadModel.SirContinuous or SpreadModel.SisContinuous);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }

    private static void CheckArray(double[]? values, int length, string name, string what)
    {
        if (values is null)
        {
            return;
        }
        Require(values.Length == length, $"{name} has {values.Length} values but the graph has {length} {what}.");
        for (var i = 0; i < values.Length; i++)
        {
            Require(double.IsFinite(values[i]) && values[i] >= 0, $"{name}[{i}] must be a non-negative number.");
        }
    }

    /// <summary>One run from a clean state; leaves the scratch clean again.</summary>
    public RunOutcome Execute(SeededRandom random)
    {
        var points = _o.TimePoints;
        _activeDiff = new int[points + 1];
        _cumulativeDiff = new int[points + 1];
        _everCount = 0;
        var start = StartNodes(random);
        var (finalSize, duration) = _o.Model switch
        {
            SpreadModel.SirContinuous => ContinuousSir(start, random),
            SpreadModel.SisContinuous => ContinuousSis(start, random),
            SpreadModel.SirDiscrete or SpreadModel.SisDiscrete => DiscreteEpidemic(start, random, _o.Model == SpreadModel.SisDiscrete),
            _ => Cascade(start, random),
        };
        var everActive = _everCount;
        Reset();
        return new RunOutcome(finalSize, everActive, duration, PrefixSums(_activeDiff, points), PrefixSums(_cumulativeDiff, points));
    }

    private static int[] PrefixSums(int[] diff, int points)
    {
        var series = new int[points];
        var running = 0;
        for (var k = 0; k < points; k++)
        {
            running += diff[k];
            series[k] = running;
        }
        return series;
    }

    private List<int> StartNodes(SeededRandom random)
    {
        var start = new List<int>(_p.Adopted);
        if (_o.InitialNodes is { } given)
        {
            foreach (var v in given)
            {
                if (_p.Fixed[v] == FixedNodeState.Free && !start.Contains(v))
                {
                    start.Add(v);
                }
            }
            return start;
        }
        // A partial Fisher–Yates draw over a copy would cost O(n) per run; with few initial nodes, rejection of repeats is cheaper.
        var free = _p.FreeNodes;
        var chosen = new HashSet<int>();
        while (chosen.Count < _o.InitialCount)
        {
            var v = free[random.NextInt(free.Length)];
            if (chosen.Add(v))
            {
                start.Add(v);
            }
        }
        return start;
    }

    private void Reset()
    {
        foreach (var v in _touched)
        {
            _state[v] = _p.Fixed[v] == FixedNodeState.Immune ? Blocked : Susceptible;
            _everActive[v] = false;
            _time[v] = double.PositiveInfinity;
            _until[v] = 0;
            _accumulated[v] = 0;
        }
        _touched.Clear();
        _queue.Clear();
    }

    private void Touch(int v)
    {
        if (!_everActive[v] && _state[v] == Susceptible && double.IsPositiveInfinity(_time[v]) && _accumulated[v] == 0)
        {
            _touched.Add(v);
        }
    }

    /// <summary>Grid index of the first reporting time at or after <paramref name="time"/> (the points count when beyond the grid).</summary>
    private int GridIndex(double time)
    {
        if (double.IsPositiveInfinity(time))
        {
            return _o.TimePoints;
        }
        var index = Math.Ceiling(time / _p.GridStep);
        return index >= _o.TimePoints ? _o.TimePoints : (int)index;
    }

    /// <summary>Records that <paramref name="v"/> is active over [from, to) for the time series.</summary>
    private void RecordEpisode(int v, double from, double to)
    {
        var a = GridIndex(from);
        var b = GridIndex(to);
        _activeDiff[a]++;
        _activeDiff[b]--;
        if (!_everActive[v])
        {
            _everActive[v] = true;
            _everCount++;
            _cumulativeDiff[a]++;
        }
    }

    private double EdgeValue(int entry, int target)
    {
        var value = _o.EdgeTransmission is { } edges ? edges[entry] : _o.Transmission;
        return _o.NodeSusceptibility is { } s ? value * s[target] : value;
    }

    private double RecoveryOf(int v) =>
        _p.Fixed[v] == FixedNodeState.Adopted ? 0 : _o.NodeRecovery is { } r ? r[v] : _o.Recovery;

    private static double Exponential(SeededRandom random, double rate) =>
        rate <= 0 ? double.PositiveInfinity : -Math.Log(1 - random.NextDouble()) / rate;

    /// <summary>
    /// Exact continuous-time SIR in the style of EoN's fast_SIR (Kiss, Miller and Simon 2017): on infection a node draws its
    /// recovery time and, for each susceptible neighbour, one exponential transmission time; a transmission counts if it
    /// comes before the recovery and before that neighbour's earliest infection predicted so far. Events come off a
    /// priority queue in time order; superseded predictions are skipped when popped.
    /// </summary>
    private (int FinalSize, double Duration) ContinuousSir(List<int> start, SeededRandom random)
    {
        foreach (var v in start)
        {
            Touch(v);
            _time[v] = 0;
            _queue.Enqueue((v, -1), 0);
        }
        var maxTime = _o.MaxTime;
        var last = 0.0;
        var infected = 0;
        while (_queue.TryDequeue(out var item, out var t))
        {
            var v = item.Node;
            if (item.Entry == -2)
            {
                _state[v] = Recovered;
                last = t;
                continue;
            }
            if (_state[v] != Susceptible || _time[v] != t)
            {
                continue;
            }
            _state[v] = Infected;
            infected++;
            last = t;
            var recovery = t + Exponential(random, RecoveryOf(v));
            _until[v] = recovery;
            RecordEpisode(v, t, recovery);
            if (recovery <= maxTime)
            {
                _queue.Enqueue((v, -2), recovery);
            }
            for (var e = _offsets[v]; e < _offsets[v + 1]; e++)
            {
                var w = _targets[e];
                if (_state[w] != Susceptible)
                {
                    continue;
                }
                var when = t + Exponential(random, EdgeValue(e, w));
                if (when < recovery && when < _time[w] && when <= maxTime)
                {
                    Touch(w);
                    _time[w] = when;
                    _queue.Enqueue((w, -1), when);
                }
            }
        }
        return (infected, last);
    }

    /// <summary>
    /// Exact continuous-time SIS: while a node is infected, each edge out of it carries a Poisson process of transmission
    /// attempts at rate β; an attempt infects the neighbour if it is susceptible then. By memorylessness only the next
    /// attempt per edge needs to be queued. Runs stop at <see cref="SpreadOptions.MaxTime"/>; the final size is the prevalence then.
    /// </summary>
    private (int FinalSize, double Duration) ContinuousSis(List<int> start, SeededRandom random)
    {
        var maxTime = _o.MaxTime;
        var infectedNow = 0;
        var last = 0.0;
        foreach (var v in start)
        {
            Touch(v);
            if (_state[v] == Susceptible)
            {
                Infect(v, 0);
            }
        }
        while (_queue.TryDequeue(out var item, out var t))
        {
            var (v, entry) = item;
            last = t;
            if (entry == -2)
            {
                _state[v] = Susceptible;
                infectedNow--;
                continue;
            }
            var w = _targets[entry];
            if (_state[w] == Susceptible)
            {
                Touch(w);
                Infect(w, t);
            }
            var next = t + Exponential(random, EdgeValue(entry, w));
            if (next < _until[v] && next <= maxTime)
            {
                _queue.Enqueue((v, entry), next);
            }
        }
        return (infectedNow, last);

        void Infect(int v, double t)
        {
            _state[v] = Infected;
            infectedNow++;
            var recovery = t + Exponential(random, RecoveryOf(v));
            _until[v] = recovery;
            RecordEpisode(v, t, recovery);
            if (recovery <= maxTime)
            {
                _queue.Enqueue((v, -2), recovery);
            }
            for (var e = _offsets[v]; e < _offsets[v + 1]; e++)
            {
                var first = t + Exponential(random, EdgeValue(e, _targets[e]));
                if (first < recovery && first <= maxTime)
                {
                    _queue.Enqueue((v, e), first);
                }
            }
        }
    }

    /// <summary>
    /// Discrete-time SIR or SIS with synchronous steps: in step s every infected node transmits to each susceptible neighbour
    /// with the edge's probability, then recovers with its recovery probability; new infections count from step s + 1.
    /// </summary>
    private (int FinalSize, double Duration) DiscreteEpidemic(List<int> start, SeededRandom random, bool sis)
    {
        var infected = new List<int>();
        foreach (var v in start)
        {
            Touch(v);
            if (_state[v] == Susceptible)
            {
                _state[v] = Infected;
                _time[v] = 0;
                infected.Add(v);
            }
        }
        var next = new List<int>();
        var step = 0;
        while (infected.Count > 0 && step < _o.MaxSteps)
        {
            next.Clear();
            foreach (var v in infected)
            {
                for (var e = _offsets[v]; e < _offsets[v + 1]; e++)
                {
                    var w = _targets[e];
                    if (_state[w] == Susceptible && random.NextDouble() < EdgeValue(e, w))
                    {
                        Touch(w);
                        _state[w] = Pending;
                        _time[w] = step + 1;
                        next.Add(w);
                    }
                }
            }
            foreach (var v in infected)
            {
                if (random.NextDouble() < RecoveryOf(v))
                {
                    RecordEpisode(v, _time[v], step + 1);
                    _state[v] = sis ? Susceptible : Recovered;
                }
                else
                {
                    next.Add(v);
                }
            }
            foreach (var w in next)
            {
                _state[w] = Infected;
            }
            (infected, next) = (next, infected);
            step++;
        }
        foreach (var v in infected)
        {
            RecordEpisode(v, _time[v], double.PositiveInfinity);
        }
        return (sis ? infected.Count : _everCount, step);
    }

    /// <summary>
    /// Independent cascade, linear threshold and complex contagion, in synchronous steps from the start nodes: nodes
    /// activated in step s act on their out-neighbours once, and those neighbours activate in step s + 1.
    /// </summary>
    private (int FinalSize, double Duration) Cascade(List<int> start, SeededRandom random)
    {
        var frontier = new List<int>();
        foreach (var v in start)
        {
            Touch(v);
            if (_state[v] == Susceptible)
            {
                _state[v] = Infected;
                RecordEpisode(v, 0, double.PositiveInfinity);
                frontier.Add(v);
            }
        }
        var next = new List<int>();
        var step = 0;
        var model = _o.Model;
        while (frontier.Count > 0 && step < _o.MaxSteps)
        {
            next.Clear();
            foreach (var v in frontier)
            {
                for (var e = _offsets[v]; e < _offsets[v + 1]; e++)
                {
                    var w = _targets[e];
                    if (_state[w] != Susceptible)
                    {
                        continue;
                    }
                    if (Activates(model, e, w, random))
                    {
                        Touch(w);
                        _state[w] = Infected;
                        RecordEpisode(w, step + 1, double.PositiveInfinity);
                        next.Add(w);
                    }
                }
            }
            (frontier, next) = (next, frontier);
            step++;
        }
        return (_everCount, frontier.Count == 0 ? step - 1 : step);
    }

    private bool Activates(SpreadModel model, int entry, int w, SeededRandom random)
    {
        switch (model)
        {
            case SpreadModel.IndependentCascade:
                return random.NextDouble() < EdgeValue(entry, w);
            case SpreadModel.LinearThreshold:
            {
                var inDegree = _inOffsets[w + 1] - _inOffsets[w];
                var weight = _o.EdgeTransmission is { } edges ? edges[entry] : 1.0 / inDegree;
                if (double.IsPositiveInfinity(_time[w]))
                {
                    Touch(w);
                    // The threshold is drawn when the node is first reached: the draw order is fixed by the run's own sequence.
                    _time[w] = _o.NodeThresholds is { } fixedThresholds ? fixedThresholds[w] : random.NextDouble();
                }
                _accumulated[w] += weight;
                return _accumulated[w] >= _time[w];
            }
            default:
            {
                Touch(w);
                _accumulated[w] += 1;
                var threshold = _o.NodeThresholds is { } thresholds ? thresholds[w] : _o.Threshold;
                var inDegree = _inOffsets[w + 1] - _inOffsets[w];
                var needed = _o.FractionalThreshold ? threshold * inDegree : threshold;
                return _accumulated[w] >= Math.Max(needed, 1e-12);
            }
        }
    }
}
