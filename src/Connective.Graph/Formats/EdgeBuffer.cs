namespace Connective.Graph.Formats;

/// <summary>Edges as read, in file order: endpoint ids and optional weights in growable parallel arrays.</summary>
internal sealed class EdgeBuffer(bool weighted, int initialCapacity = 1024)
{
    public int[] Sources = new int[Math.Max(initialCapacity, 16)];
    public int[] Targets = new int[Math.Max(initialCapacity, 16)];
    public double[]? Weights = weighted ? new double[Math.Max(initialCapacity, 16)] : null;
    public int Count;

    public bool IsWeighted => Weights is not null;

    public void EnsureCapacity(long needed)
    {
        if (needed <= Sources.Length)
        {
            return;
        }
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"More than {Array.MaxLength} edges cannot be held in memory.");
        }
        var size = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)Sources.Length * 2));
        Array.Resize(ref Sources, size);
        Array.Resize(ref Targets, size);
        if (Weights is not null)
        {
            Array.Resize(ref Weights, size);
        }
    }

    public void Add(int source, int target, double weight)
    {
        if (Count == Sources.Length)
        {
            EnsureCapacity(Count + 1L);
        }
        Sources[Count] = source;
        Targets[Count] = target;
        if (Weights is not null)
        {
            Weights[Count] = weight;
        }
        Count++;
    }

    /// <summary>Moves <paramref name="length"/> edges from <paramref name="from"/> down to <paramref name="to"/> (to ≤ from).</summary>
    public void MoveDown(int from, int to, int length)
    {
        if (from == to || length == 0)
        {
            return;
        }
        Array.Copy(Sources, from, Sources, to, length);
        Array.Copy(Targets, from, Targets, to, length);
        if (Weights is not null)
        {
            Array.Copy(Weights, from, Weights, to, length);
        }
    }
}
