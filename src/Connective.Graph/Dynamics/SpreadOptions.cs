namespace Connective.Graph.Dynamics;

/// <summary>The spread processes <see cref="Spread"/> simulates.</summary>
public enum SpreadModel
{
    /// <summary>Susceptible–infected–recovered in continuous time, simulated exactly event by event (Gillespie-equivalent, as EoN's fast_SIR).</summary>
    SirContinuous,

    /// <summary>Susceptible–infected–recovered in discrete, synchronous steps.</summary>
    SirDiscrete,

    /// <summary>Susceptible–infected–susceptible in continuous time, simulated exactly event by event.</summary>
    SisContinuous,

    /// <summary>Susceptible–infected–susceptible in discrete, synchronous steps.</summary>
    SisDiscrete,

    /// <summary>Independent cascade (Kempe, Kleinberg and Tardos 2003): each newly active node gets one chance to activate each neighbour.</summary>
    IndependentCascade,

    /// <summary>Linear threshold (Kempe, Kleinberg and Tardos 2003): a node activates when its active in-neighbours' weights reach its random threshold.</summary>
    LinearThreshold,

    /// <summary>Complex contagion (Centola and Macy 2007): a node adopts when enough of its neighbours (a count or a fraction) have adopted.</summary>
    ComplexContagion,
}

/// <summary>A node state held fixed for the whole of every run.</summary>
public enum FixedNodeState : byte
{
    /// <summary>The node follows the model.</summary>
    Free = 0,

    /// <summary>Immunised or protected: the node never becomes active and never passes the process on.</summary>
    Immune = 1,

    /// <summary>Already adopted: the node is active from the start of every run and stays active (it never recovers).</summary>
    Adopted = 2,
}

/// <summary>Settings for <see cref="Spread.Simulate"/>.</summary>
/// <remarks>
/// Parameters per edge are given in the graph's adjacency order: entry <c>e</c> of node <c>u</c>'s (out-)neighbour row is the
/// edge from <c>u</c> to <c>graph.Neighbors(u)[e − start]</c>; <see cref="Spread.EdgeParametersFromWeights"/> builds such an array from the edge weights.
/// On undirected graphs the process crosses each edge in both directions, each direction with its own draw.
/// </remarks>
public sealed record SpreadOptions
{
    /// <summary>The process to simulate.</summary>
    public required SpreadModel Model { get; init; }

    /// <summary>
    /// β: the transmission rate per edge (continuous SIR/SIS), the probability of transmission per edge per step (discrete
    /// SIR/SIS), or the activation probability per edge (independent cascade). Unused by the threshold models.
    /// </summary>
    public double Transmission { get; init; } = 0.1;

    /// <summary>γ: the recovery rate (continuous SIR/SIS) or the probability of recovering per step (discrete SIR/SIS).</summary>
    public double Recovery { get; init; } = 1.0;

    /// <summary>
    /// Optional per-edge values in adjacency order, replacing <see cref="Transmission"/> (SIR, SIS, independent cascade) or the
    /// default weight 1/in-degree (linear threshold).
    /// </summary>
    public double[]? EdgeTransmission { get; init; }

    /// <summary>Optional per-node factors multiplying every transmission into the node (susceptibility).</summary>
    public double[]? NodeSusceptibility { get; init; }

    /// <summary>Optional per-node recovery rates or probabilities, replacing <see cref="Recovery"/>.</summary>
    public double[]? NodeRecovery { get; init; }

    /// <summary>The complex-contagion threshold: a number of adopted neighbours, or a fraction of the in-degree when <see cref="FractionalThreshold"/>.</summary>
    public double Threshold { get; init; } = 2;

    /// <summary>True when <see cref="Threshold"/> (and <see cref="NodeThresholds"/>) are fractions of the node's in-degree.</summary>
    public bool FractionalThreshold { get; init; }

    /// <summary>
    /// Optional per-node thresholds: fixed thresholds for the linear threshold model (instead of fresh uniform draws each run),
    /// or per-node complex-contagion thresholds.
    /// </summary>
    public double[]? NodeThresholds { get; init; }

    /// <summary>The same initial active nodes in every run; null to draw <see cref="InitialCount"/> free nodes at random in each run.</summary>
    public int[]? InitialNodes { get; init; }

    /// <summary>How many free nodes each run starts from when <see cref="InitialNodes"/> is null.</summary>
    public int InitialCount { get; init; } = 1;

    /// <summary>Optional fixed states per node (immunised, already adopted).</summary>
    public FixedNodeState[]? FixedStates { get; init; }

    /// <summary>The number of independent runs.</summary>
    public int Runs { get; init; } = 1000;

    /// <summary>Continuous models stop at this time (in the units of 1/rate).</summary>
    public double MaxTime { get; init; } = 100;

    /// <summary>Discrete models stop after this many steps.</summary>
    public int MaxSteps { get; init; } = 1000;

    /// <summary>The number of evenly spaced times (from 0 to the time or step limit) at which the time series is reported.</summary>
    public int TimePoints { get; init; } = 101;

    /// <summary>The seed: run <c>r</c> draws from its own generator derived from (seed, r), so results do not depend on the number of workers.</summary>
    public ulong Seed { get; init; } = 1;
}
