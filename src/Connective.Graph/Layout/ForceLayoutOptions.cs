namespace Connective.Graph.Layout;

/// <summary>Settings for <see cref="ForceLayout.Compute"/>: ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian 2014) with Barnes–Hut repulsion.</summary>
/// <remarks>
/// The defaults are Gephi's for graphs of 100 nodes or more (scaling 2, gravity 1, jitter tolerance 1, linear-linear
/// model), except <see cref="BarnesHutTheta"/>, which this engine measures as cell width over distance.
/// </remarks>
public sealed class ForceLayoutOptions
{
    /// <summary>Seed for the random starting positions; the same seed and graph give the same positions on any number of cores.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The number of iterations (force computations and moves) to run; 0 returns the starting positions. 500 by default.</summary>
    public int Iterations { get; init; } = 500;

    /// <summary>
    /// The Barnes–Hut accuracy: a group of nodes whose cell width divided by its distance is below θ repels as one body
    /// at its centre of mass. Smaller is more exact and slower; 0 computes every pair exactly (quadratic time). 1 by default.
    /// </summary>
    public double BarnesHutTheta { get; init; } = 1.0;

    /// <summary>kg: the pull of every node towards the origin, which keeps components and isolated nodes from drifting apart. 1 by default; 0 turns it off.</summary>
    public double Gravity { get; init; } = 1.0;

    /// <summary>kr: the strength of repulsion relative to attraction; larger spreads the layout out. 2 by default.</summary>
    public double ScalingRatio { get; init; } = 2.0;

    /// <summary>
    /// When true, gravity grows with distance from the origin (kg·mass·distance) instead of being constant (kg·mass), which
    /// packs components more tightly. False by default.
    /// </summary>
    public bool StrongGravity { get; init; }

    /// <summary>When true, attraction grows with log(1 + distance) instead of distance (the LinLog model), which separates clusters more clearly. False by default.</summary>
    public bool LinLog { get; init; }

    /// <summary>
    /// δ: an edge of weight w attracts with w^δ. 0 ignores weights, 1 (the default) uses them as they are. Unweighted edges weigh 1.
    /// </summary>
    public double EdgeWeightInfluence { get; init; } = 1.0;

    /// <summary>
    /// τ: how much swinging (a node's force changing direction between iterations) is tolerated before the adaptive speed
    /// slows down; higher is faster and less precise. 1 by default.
    /// </summary>
    public double JitterTolerance { get; init; } = 1.0;

    /// <summary>
    /// When true, a node's attraction is divided by its mass (degree + 1), which pushes hubs to the periphery and keeps
    /// authorities central (Gephi's "dissuade hubs", the outbound attraction distribution). False by default.
    /// </summary>
    public bool DissuadeHubs { get; init; }

    /// <summary>
    /// When true (the default), nodes outside the largest connected component (isolated nodes, pairs, small groups) that
    /// drift beyond its edge are pulled back by a force that cancels the whole graph's far-field repulsion, so they settle
    /// in a ring just outside the largest component instead of at a distance that grows with the graph's total degree (where
    /// ForceAtlas2's constant gravity alone leaves them). The largest component's own layout is not touched. False gives
    /// plain ForceAtlas2.
    /// </summary>
    public bool KeepComponentsNear { get; init; } = true;

    /// <summary>What is wrong with the settings, naming the one out of range; null when they are all valid.</summary>
    internal string? Problem()
    {
        if (Iterations < 0)
        {
            return $"{nameof(Iterations)} is {Iterations}; it must be 0 or more.";
        }
        return OutOfRange(BarnesHutTheta, nameof(BarnesHutTheta), allowZero: true)
            ?? OutOfRange(Gravity, nameof(Gravity), allowZero: true)
            ?? OutOfRange(ScalingRatio, nameof(ScalingRatio), allowZero: false)
            ?? OutOfRange(EdgeWeightInfluence, nameof(EdgeWeightInfluence), allowZero: true)
            ?? OutOfRange(JitterTolerance, nameof(JitterTolerance), allowZero: false);
    }

    private static string? OutOfRange(double value, string name, bool allowZero) =>
        double.IsFinite(value) && value >= 0 && (allowZero || value > 0)
            ? null
            : $"{name} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be {(allowZero ? "a finite number, 0 or more" : "a finite number above 0")}.";
}
