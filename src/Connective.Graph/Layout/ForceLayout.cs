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
        var random = new SeededRandom(options.Seed);
        var levels = new List<LayoutLevel> { LayoutLevel.FromGraph(graph, options.EdgeWeightInfluence) };
        var parents = new List<int[]>();
        if (options.Multilevel)
        {
            // Coarsen until the graph is small or stops shrinking (a star loses one leaf per matching).
            while (levels[^1].NodeCount > CoarsestSize)
            {
                var coarse = levels[^1].Coarsen(random, out var parent);
                if (coarse.NodeCount > 0.8 * levels[^1].NodeCount)
                {
                    break;
                }
                levels.Add(coarse);
                parents.Add(parent);
            }
        }
        var (x, y) = RandomStart(levels[^1].NodeCount, random);
        for (var level = levels.Count - 1; level >= 0; level--)
        {
            if (level < levels.Count - 1)
            {
                (x, y) = Refine(x, y, parents[level], random, options.ScalingRatio);
            }
            var run = new Run(levels[level], options, x, y);
            var iterations = level == 0 ? options.Iterations : CoarseIterations(options.Iterations);
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Step();
            }
        }
        var positionsX = new float[n];
        var positionsY = new float[n];
        for (var u = 0; u < n; u++)
        {
            positionsX[u] = (float)x[u];
            positionsY[u] = (float)y[u];
        }
        return new NodePositions(positionsX, positionsY, options.Iterations);
    }

    /// <summary>
    /// Iterations on each level above the input graph: a quarter of the input graph's (at least 50, at most all of
    /// them), enough to settle the shape that the next level refines. On power (4,941 nodes, 9 levels) running every
    /// level in full cost 4.5 times the single-level layout.
    /// </summary>
    internal static int CoarseIterations(int iterations) => Math.Min(iterations, Math.Max(50, iterations / 4));

    /// <summary>Multilevel coarsening stops at this many nodes.</summary>
    internal const int CoarsestSize = 100;

    /// <summary>
    /// Random starting positions in a square whose area grows with the node count, so the starting density (and the
    /// first iterations' forces) do not depend on the graph's size.
    /// </summary>
    private static (double[] X, double[] Y) RandomStart(int n, SeededRandom random)
    {
        var x = new double[n];
        var y = new double[n];
        var half = 10 * Math.Sqrt(n);
        for (var u = 0; u < n; u++)
        {
            x[u] = ((2 * random.NextDouble()) - 1) * half;
            y[u] = ((2 * random.NextDouble()) - 1) * half;
        }
        return (x, y);
    }

    /// <summary>
    /// Positions for the next finer level: each node starts where its merged node ended, moved by a seeded offset of up
    /// to half of √kr (the rest length of an edge between two leaves) so that the two halves of a pair can separate.
    /// </summary>
    private static (double[] X, double[] Y) Refine(double[] coarseX, double[] coarseY, int[] parent, SeededRandom random, double scalingRatio)
    {
        var n = parent.Length;
        var x = new double[n];
        var y = new double[n];
        var jitter = 0.5 * Math.Sqrt(scalingRatio);
        for (var u = 0; u < n; u++)
        {
            x[u] = coarseX[parent[u]] + (((2 * random.NextDouble()) - 1) * jitter);
            y[u] = coarseY[parent[u]] + (((2 * random.NextDouble()) - 1) * jitter);
        }
        return (x, y);
    }

    /// <summary>The state of one layout: positions, forces of this and the previous iteration, and the adaptive speed.</summary>
    private sealed class Run
    {
        // Jacomy et al. 2014 (and Gephi's implementation): the bounds on the jitter tolerance estimated from the graph's
        // size, the lowest speed efficiency, and the largest rise of the global speed in one iteration (50%).
        private const double MaxJitterTolerance = 10;
        private const double MinSpeedEfficiency = 0.05;
        private const double MaxSpeedRise = 0.5;

        private readonly LayoutLevel _level;
        private readonly ForceLayoutOptions _options;
        private readonly int _n;
        private readonly double[] _x, _y, _mass;
        private double[] _fx, _fy, _previousFx, _previousFy;
        private readonly double[] _swinging, _traction;
        private readonly BarnesHutTree _tree = new();
        private readonly long _work;
        private double _rimRadius, _rimWidth;
        private double _speed = 1;
        private double _speedEfficiency = 1;

        /// <summary>A run on <paramref name="level"/> that moves the positions in <paramref name="x"/> and <paramref name="y"/> in place.</summary>
        public Run(LayoutLevel level, ForceLayoutOptions options, double[] x, double[] y)
        {
            _level = level;
            _options = options;
            _n = level.NodeCount;
            _x = x;
            _y = y;
            _mass = level.Mass;
            _fx = new double[_n];
            _fy = new double[_n];
            _previousFx = new double[_n];
            _previousFy = new double[_n];
            _swinging = new double[_n];
            _traction = new double[_n];
            // Roughly the entries one node's force reads: its row plus about a hundred cells of the quadtree.
            _work = level.Offsets[_n] + (100L * _n);
        }

        public void Step()
        {
            (_previousFx, _fx) = (_fx, _previousFx);
            (_previousFy, _fy) = (_fy, _previousFy);
            if (_options.KeepComponentsNear && _level.OutsideMass is not null)
            {
                (_rimRadius, _rimWidth) = RimRadius();
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
            if (_options.KeepComponentsNear && _level.OutsideMass is { } outsideMass && distance > _rimRadius && outsideMass[u] > 0)
            {
                // Beyond the largest component's edge, cancel the repulsion of the rest of the graph seen from afar
                // (kr·m·M/d), fading in over the rim's width so the node settles just outside the edge.
                var pull = _options.ScalingRatio * _mass[u] * outsideMass[u] / distance * Math.Min(1, (distance - _rimRadius) / _rimWidth);
                factor += pull / distance;
            }
            return (-_x[u] * factor, -_y[u] * factor);
        }

        private (double Fx, double Fy) Attraction(int u)
        {
            double fx = 0, fy = 0;
            var targets = _level.Targets;
            var weights = _level.Weights;
            var linLog = _options.LinLog;
            for (var e = _level.Offsets[u]; e < _level.Offsets[u + 1]; e++)
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
            if (_options.DissuadeHubs)
            {
                fx /= _mass[u];
                fy /= _mass[u];
            }
            return (fx, fy);
        }

        /// <summary>
        /// The heaviest component's radius around the origin (its farthest node), and the width over which the pull on
        /// the other nodes fades in: a tenth of the radius, but at least √kr, the rest length of an edge between two leaves.
        /// </summary>
        private (double Radius, double Width) RimRadius()
        {
            var radiusSquared = 0.0;
            foreach (var u in _level.Largest)
            {
                radiusSquared = Math.Max(radiusSquared, (_x[u] * _x[u]) + (_y[u] * _y[u]));
            }
            var radius = Math.Sqrt(radiusSquared);
            return (radius, Math.Max(0.1 * radius, Math.Sqrt(_options.ScalingRatio)));
        }
    }
}
