namespace Connective.Graph.Generators;

/// <summary>
/// A growable pair of endpoint arrays that the generators fill before building a <see cref="CsrGraph"/>:
/// two flat int arrays cost 8 bytes an edge, where a list of tuples or a builder per edge would cost more.
/// </summary>
internal sealed class EdgeBuffer(long capacity)
{
    private int[] _sources = new int[Math.Max(16, capacity)];
    private int[] _targets = new int[Math.Max(16, capacity)];

    public long Count { get; private set; }

    public ReadOnlySpan<int> Sources => _sources.AsSpan(0, checked((int)Count));

    public ReadOnlySpan<int> Targets => _targets.AsSpan(0, checked((int)Count));

    public void Clear() => Count = 0;

    public void Add(int source, int target)
    {
        if (Count == _sources.Length)
        {
            var larger = checked((int)Math.Min(Array.MaxLength, 2L * _sources.Length));
            Array.Resize(ref _sources, larger);
            Array.Resize(ref _targets, larger);
        }
        _sources[Count] = source;
        _targets[Count] = target;
        Count++;
    }
}
