namespace Connective.Graph.Layout;

/// <summary>A layout: one position per node, indexed by dense node id.</summary>
public sealed class NodePositions
{
    /// <summary>Creates a layout from coordinate arrays of equal length.</summary>
    /// <exception cref="ArgumentException">When the arrays differ in length.</exception>
    public NodePositions(float[] x, float[] y, int iterations)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"X has {x.Length} entries but Y has {y.Length}.", nameof(y));
        }
        X = x;
        Y = y;
        Iterations = iterations;
    }

    /// <summary>The horizontal coordinate of each node (index = dense node id). The origin is the centre gravity pulls towards.</summary>
    public float[] X { get; }

    /// <summary>The vertical coordinate of each node (index = dense node id).</summary>
    public float[] Y { get; }

    /// <summary>The number of iterations that were run.</summary>
    public int Iterations { get; }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => X.Length;
}
