using Connective.Graph.Algorithms;
using Connective.Graph.Generators;

namespace Connective.Graph.Layout;

/// <summary>
/// A seeded, parallel force-directed layout: ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian 2014, "ForceAtlas2, a
/// continuous graph layout algorithm for handy network visualization", PLoS ONE 9(6)) with Barnes–Hut repulsion.
/// </summary>
/// <remarks>
/// <para>
/// Nodes repel each other with kr·(deg+1)(deg'+1)/d, edges pull their ends together with w^δ·d (or w^δ·log(1 + d) with
/// LinLog), and gravity pulls every node towards the origin with kg·(deg+1) (times d with strong gravity), so components
/// and isolated nodes stay in view. Each iteration moves every node along its force by a step set by the adaptive speed
/// of the paper: the global speed rises while nodes' forces keep their direction (traction) and falls when they swing,
/// and a node that swings more moves less.
/// </para>
/// <para>
/// Edges are taken as undirected (an arc attracts both its ends), self-loops exert no force, repeated edges attract once
/// each. Repulsion is approximated with a quadtree (<see cref="ForceLayoutOptions.BarnesHutTheta"/>) built once per
/// iteration and only read while every node's force is computed on its own, in parallel; sums over the whole graph run
/// in node order. Positions therefore depend on the graph, the options and the seed, never on the number of cores.
/// </para>
/// </remarks>
public static class ForceLayout
{
    /// <summary>
    /// Computes positions for every node of <paramref name="graph"/>: random starting positions drawn from
    /// <see cref="ForceLayoutOptions.Seed"/>, then <see cref="ForceLayoutOptions.Iterations"/> ForceAtlas2 iterations.
    /// </summary>
    /// <param name="graph">The graph; directed graphs are laid out as undirected. Edge weights, when present, must be finite and not negative.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>One position per dense node id; every coordinate is finite.</returns>
    /// <exception cref="ArgumentException">When an option is out of range, or an edge weight is negative or not finite.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public static NodePositions Compute(CsrGraph graph, ForceLayoutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new ForceLayoutOptions();
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new NodePositions([], [], options.Iterations);
        }
        var run = new Run(graph, options);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Step();
        }
        return run.Positions(options.Iterations);
    }

    /// <summary>The state of one layout: positions, forces of this and the previous iteration, and the adaptive speed.</summary>
    private sealed class Run
    {
        // Jacomy et al. 2014 (and Gephi's implementation): the bounds on the jitter tolerance estimated from the graph's
        // size, the lowest speed efficiency, and the largest rise of the global speed in one iteration (50%).
        private const double MaxJitterTolerance = 10;
        private const double MinSpeedEfficiency = 0.05;
        private const double MaxSpeedRise = 0.5;

        private readonly CsrGraph _graph;
        private readonly ForceLayoutOptions _options;
        private readonly int _n;
        private readonly double[] _x, _y, _mass;
        private double[] _fx, _fy, _previousFx, _previousFy;
        private readonly double[] _swinging, _traction;
        private readonly double[]? _weights, _inWeights;
        private readonly BarnesHutTree _tree = new();
        private readonly long _work;
        private readonly Rim? _rim;
        private double _rimRadius, _rimWidth;
        private double _speed = 1;
        private double _speedEfficiency = 1;

        public Run(CsrGraph graph, ForceLayoutOptions options)
        {
            _graph = graph;
            _options = options;
            _n = graph.NodeCount;
            _x = new double[_n];
            _y = new double[_n];
            _mass = new double[_n];
            _fx = new double[_n];
            _fy = new double[_n];
            _previousFx = new double[_n];
            _previousFy = new double[_n];
            _swinging = new double[_n];
            _traction = new double[_n];
            if (graph.IsWeighted && options.EdgeWeightInfluence != 0)
            {
                _weights = EffectiveWeights(graph, graph.Offsets, graph.Targets, graph.EdgeWeights!, options.EdgeWeightInfluence);
                _inWeights = graph.IsDirected ? EffectiveWeights(graph, graph.InOffsets, graph.InTargets, graph.InEdgeWeights!, options.EdgeWeightInfluence) : _weights;
            }
            for (var u = 0; u < _n; u++)
            {
                _mass[u] = 1 + OtherEnds(graph.Offsets, graph.Targets, u) + (graph.IsDirected ? OtherEnds(graph.InOffsets, graph.InTargets, u) : 0);
            }
            _rim = options.KeepComponentsNear ? Rim.Find(graph, _mass) : null;
            // Random starting positions in a square whose area grows with the node count, so the starting density (and
            // the first iterations' forces) do not depend on the graph's size.
            var random = new SeededRandom(options.Seed);
            var half = 10 * Math.Sqrt(_n);
            for (var u = 0; u < _n; u++)
            {
                _x[u] = ((2 * random.NextDouble()) - 1) * half;
                _y[u] = ((2 * random.NextDouble()) - 1) * half;
            }
            // Roughly the entries one node's force reads: its rows plus about a hundred cells of the quadtree.
            _work = graph.Offsets[_n] + (graph.IsDirected ? (long)graph.InOffsets[_n] : 0) + (100L * _n);
        }

        public void Step()
        {
            (_previousFx, _fx) = (_fx, _previousFx);
            (_previousFy, _fy) = (_fy, _previousFy);
            if (_rim is not null)
            {
                (_rimRadius, _rimWidth) = _rim.Radius(_x, _y, _options.ScalingRatio);
            }
            var theta = _options.BarnesHutTheta;
            if (theta > 0)
            {
                _tree.Build(_x, _y, _mass);
            }
            ParallelWork.ForRanges(_n, _work, (start, end) =>
            {
                Span<int> stack = stackalloc int[BarnesHutTree.WalkStackSize];
                for (var u = start; u < end; u++)
                {
                    var (fx, fy) = theta > 0
                        ? _tree.Repulsion(u, _x[u], _y[u], _mass[u], _options.ScalingRatio, theta, stack)
                        : ExactRepulsion(u);
                    var (gx, gy) = Gravity(u);
                    var (ax, ay) = Attraction(u);
                    _fx[u] = fx + gx + ax;
                    _fy[u] = fy + gy + ay;
                    var sx = _previousFx[u] - _fx[u];
                    var sy = _previousFy[u] - _fy[u];
                    var tx = _previousFx[u] + _fx[u];
                    var ty = _previousFy[u] + _fy[u];
                    _swinging[u] = _mass[u] * Math.Sqrt((sx * sx) + (sy * sy));
                    _traction[u] = _mass[u] * 0.5 * Math.Sqrt((tx * tx) + (ty * ty));
                }
            });
            // Summed in node order on this thread: the speed, and so every later position, is the same for any split.
            double totalSwinging = 0, totalTraction = 0;
            for (var u = 0; u < _n; u++)
            {
                totalSwinging += _swinging[u];
                totalTraction += _traction[u];
            }
            AdaptSpeed(totalSwinging, totalTraction);
            var speed = _speed;
            ParallelWork.ForRanges(_n, 4L * _n, (start, end) =>
            {
                for (var u = start; u < end; u++)
                {
                    // A node that swings moves less (Jacomy et al. 2014, equation 10).
                    var factor = speed / (1 + Math.Sqrt(speed * _swinging[u]));
                    _x[u] += _fx[u] * factor;
                    _y[u] += _fy[u] * factor;
                }
            });
        }

        public NodePositions Positions(int iterations)
        {
            var x = new float[_n];
            var y = new float[_n];
            for (var u = 0; u < _n; u++)
            {
                x[u] = (float)_x[u];
                y[u] = (float)_y[u];
            }
            return new NodePositions(x, y, iterations);
        }

        /// <summary>The global speed of Jacomy et al. 2014 §"Adaptive speed", with the jitter tolerance estimated from the graph's size.</summary>
        private void AdaptSpeed(double totalSwinging, double totalTraction)
        {
            var estimatedJitter = 0.05 * Math.Sqrt(_n);
            var minJitter = Math.Sqrt(estimatedJitter);
            var jitter = _options.JitterTolerance
                * Math.Max(minJitter, Math.Min(MaxJitterTolerance, estimatedJitter * totalTraction / ((double)_n * _n)));
            if (totalTraction > 0 && totalSwinging / totalTraction > 2.0)
            {
                if (_speedEfficiency > MinSpeedEfficiency)
                {
                    _speedEfficiency *= 0.5;
                }
                jitter = Math.Max(jitter, _options.JitterTolerance);
            }
            if (totalSwinging <= 0)
            {
                // Nothing swings (a first iteration from rest, or forces that repeat exactly): rise as fast as allowed.
                _speed += MaxSpeedRise * _speed;
                return;
            }
            var targetSpeed = jitter * _speedEfficiency * totalTraction / totalSwinging;
            if (totalSwinging > jitter * totalTraction)
            {
                if (_speedEfficiency > MinSpeedEfficiency)
                {
                    _speedEfficiency *= 0.7;
                }
            }
            else if (_speed < 1000)
            {
                _speedEfficiency *= 1.3;
            }
            _speed += Math.Min(targetSpeed - _speed, MaxSpeedRise * _speed);
        }

        private (double Fx, double Fy) ExactRepulsion(int u)
        {
            double fx = 0, fy = 0;
            var kr = _options.ScalingRatio;
            for (var v = 0; v < _n; v++)
            {
                var dx = _x[u] - _x[v];
                var dy = _y[u] - _y[v];
                var d2 = (dx * dx) + (dy * dy);
                if (d2 > 0 && v != u)
                {
                    var factor = kr * _mass[u] * _mass[v] / d2;
                    fx += dx * factor;
                    fy += dy * factor;
                }
            }
            return (fx, fy);
        }

        private (double Fx, double Fy) Gravity(int u)
        {
            var distance = Math.Sqrt((_x[u] * _x[u]) + (_y[u] * _y[u]));
            if (distance == 0)
            {
                return (0, 0);
            }
            // Scaled by kr as in Gephi, so the balance between gravity and repulsion does not change with the scaling ratio.
            var strength = _options.ScalingRatio * _options.Gravity * _mass[u];
            var factor = _options.StrongGravity ? strength : strength / distance;
            if (_rim is not null && distance > _rimRadius && _rim.OutsideMass[u] > 0)
            {
                // Beyond the largest component's edge, cancel the repulsion of the rest of the graph seen from afar
                // (kr·m·M/d), fading in over the rim's width so the node settles just outside the edge.
                var pull = _options.ScalingRatio * _mass[u] * _rim.OutsideMass[u] / distance * Math.Min(1, (distance - _rimRadius) / _rimWidth);
                factor += pull / distance;
            }
            return (-_x[u] * factor, -_y[u] * factor);
        }

        private (double Fx, double Fy) Attraction(int u)
        {
            double fx = 0, fy = 0;
            AddAttraction(u, _graph.Offsets, _graph.Targets, _weights, ref fx, ref fy);
            if (_graph.IsDirected)
            {
                AddAttraction(u, _graph.InOffsets, _graph.InTargets, _inWeights, ref fx, ref fy);
            }
            if (_options.DissuadeHubs)
            {
                fx /= _mass[u];
                fy /= _mass[u];
            }
            return (fx, fy);
        }

        private void AddAttraction(int u, int[] offsets, int[] targets, double[]? weights, ref double fx, ref double fy)
        {
            var linLog = _options.LinLog;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var v = targets[e];
                var dx = _x[v] - _x[u];
                var dy = _y[v] - _y[u];
                var weight = weights is null ? 1 : weights[e];
                if (linLog)
                {
                    var distance = Math.Sqrt((dx * dx) + (dy * dy));
                    if (distance == 0)
                    {
                        continue;
                    }
                    // F = w·log(1 + d) along the unit vector (dx, dy)/d.
                    weight *= Math.Log(1 + distance) / distance;
                }
                fx += dx * weight;
                fy += dy * weight;
            }
        }

        /// <summary>The nodes outside the largest connected component, and what holds them near its edge.</summary>
        private sealed class Rim
        {
            private readonly int[] _largest;

            private Rim(int[] largest, double[] outsideMass)
            {
                _largest = largest;
                OutsideMass = outsideMass;
            }

            /// <summary>Per node: the mass of the rest of the graph when the node is outside the largest component, else 0.</summary>
            public double[] OutsideMass { get; }

            /// <summary>The rim of a graph with more than one component, or null when the graph is connected.</summary>
            public static Rim? Find(CsrGraph graph, double[] mass)
            {
                var components = ConnectedComponents.Weak(graph);
                if (components.Count < 2)
                {
                    return null;
                }
                var componentMass = new double[components.Count];
                var total = 0.0;
                for (var u = 0; u < mass.Length; u++)
                {
                    componentMass[components.Membership[u]] += mass[u];
                    total += mass[u];
                }
                // The heaviest component; on a tie the one numbered first, so the choice depends on the graph alone.
                var largest = 0;
                for (var c = 1; c < componentMass.Length; c++)
                {
                    largest = componentMass[c] > componentMass[largest] ? c : largest;
                }
                var outsideMass = new double[mass.Length];
                var members = new List<int>();
                for (var u = 0; u < mass.Length; u++)
                {
                    var c = components.Membership[u];
                    if (c == largest)
                    {
                        members.Add(u);
                    }
                    else
                    {
                        outsideMass[u] = total - componentMass[c];
                    }
                }
                return new Rim([.. members], outsideMass);
            }

            /// <summary>
            /// The largest component's radius around the origin (its farthest node), and the width over which the pull
            /// fades in: a tenth of the radius, but at least √kr, the length of an edge between two leaves at rest.
            /// </summary>
            public (double Radius, double Width) Radius(double[] x, double[] y, double scalingRatio)
            {
                var radiusSquared = 0.0;
                foreach (var u in _largest)
                {
                    radiusSquared = Math.Max(radiusSquared, (x[u] * x[u]) + (y[u] * y[u]));
                }
                var radius = Math.Sqrt(radiusSquared);
                return (radius, Math.Max(0.1 * radius, Math.Sqrt(scalingRatio)));
            }
        }

        /// <summary>The number of entries of <paramref name="u"/>'s row that lead to another node (self-loops have no ends to pull).</summary>
        private static int OtherEnds(int[] offsets, int[] targets, int u)
        {
            var count = 0;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                count += targets[e] != u ? 1 : 0;
            }
            return count;
        }

        /// <summary>w^δ per adjacency entry, after checking every weight is finite and not negative.</summary>
        private static double[] EffectiveWeights(CsrGraph graph, int[] offsets, int[] targets, double[] weights, double influence)
        {
            var effective = new double[weights.Length];
            for (var u = 0; u < graph.NodeCount; u++)
            {
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var w = weights[e];
                    if (!double.IsFinite(w) || w < 0)
                    {
                        throw new ArgumentException(
                            $"The edge between nodes {graph.Labels[u]} and {graph.Labels[targets[e]]} has weight {w}; a layout needs finite weights of 0 or more.",
                            nameof(graph));
                    }
                    effective[e] = influence == 1 ? w : Math.Pow(w, influence);
                }
            }
            return effective;
        }
    }
}
