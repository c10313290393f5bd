using System.Globalization;

namespace Connective.Graph;

/// <summary>
/// The mapping between a graph's dense node ids (0..<see cref="Count"/>−1) and the external ids its nodes were
/// built from: either non-negative integers (dense ids in ascending id order) or strings (dense ids in first-seen order).
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class NodeLabels
{
    // Exactly one representation is used: identity (both null), integers, or strings.
    private readonly long[]? _integers;
    private readonly string[]? _strings;
    private Dictionary<long, int>? _integerIndex;
    private Dictionary<string, int>? _stringIndex;

    private NodeLabels(int count, long[]? integers, string[]? strings)
    {
        Count = count;
        _integers = integers;
        _strings = strings;
    }

    /// <summary>The number of nodes.</summary>
    public int Count { get; }

    /// <summary>True when every external id is a non-negative integer (then <see cref="IntegerId"/> applies).</summary>
    public bool IsInteger => _strings is null;

    /// <summary>The external id of <paramref name="node"/> as text (the integer written in invariant culture for integer ids).</summary>
    public string this[int node] => _strings is not null ? _strings[node] : IntegerId(node).ToString(CultureInfo.InvariantCulture);

    /// <summary>The integer external id of <paramref name="node"/>.</summary>
    /// <exception cref="InvalidOperationException">When the labels are strings.</exception>
    public long IntegerId(int node)
    {
        if (_strings is not null)
        {
            throw new InvalidOperationException("The node labels are strings, not integers.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, Count);
        return _integers is null ? node : _integers[node];
    }

    /// <summary>Finds the dense id of the node whose external id is the integer <paramref name="externalId"/>.</summary>
    public bool TryGetNode(long externalId, out int node)
    {
        if (_strings is not null)
        {
            return TryGetNode(externalId.ToString(CultureInfo.InvariantCulture), out node);
        }
        if (_integers is null)
        {
            node = externalId >= 0 && externalId < Count ? (int)externalId : -1;
            return node >= 0;
        }
        var index = LazyInitializer.EnsureInitialized(ref _integerIndex, BuildIntegerIndex);
        return index.TryGetValue(externalId, out node);
    }

    /// <summary>Finds the dense id of the node whose external id is <paramref name="externalId"/> (integer ids match their decimal text).</summary>
    public bool TryGetNode(string externalId, out int node)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (_strings is null)
        {
            node = -1;
            return GraphBuilder.TryParseCanonicalInteger(externalId, out var id) && TryGetNode(id, out node);
        }
        var index = LazyInitializer.EnsureInitialized(ref _stringIndex, BuildStringIndex);
        return index.TryGetValue(externalId, out node);
    }

    /// <summary>Labels 0..<paramref name="count"/>−1 that equal the dense ids.</summary>
    internal static NodeLabels Identity(int count) => new(count, null, null);

    internal static NodeLabels FromIntegers(long[] ascendingIds)
    {
        // Ids 0..n−1 in order need no table: keep the identity form (memory close to the CSR minimum).
        var identity = ascendingIds.Length == 0 || ascendingIds[^1] == ascendingIds.Length - 1;
        return new(ascendingIds.Length, identity ? null : ascendingIds, null);
    }

    internal static NodeLabels FromStrings(string[] ids) => new(ids.Length, null, ids);

    /// <summary>The labels of the nodes kept by <paramref name="keptNodes"/> (ascending old ids), in that order.</summary>
    internal NodeLabels Select(ReadOnlySpan<int> keptNodes)
    {
        if (_strings is not null)
        {
            var strings = new string[keptNodes.Length];
            for (var i = 0; i < keptNodes.Length; i++)
            {
                strings[i] = _strings[keptNodes[i]];
            }
            return FromStrings(strings);
        }
        var ids = new long[keptNodes.Length];
        for (var i = 0; i < keptNodes.Length; i++)
        {
            ids[i] = _integers is null ? keptNodes[i] : _integers[keptNodes[i]];
        }
        return FromIntegers(ids);
    }

    private Dictionary<long, int> BuildIntegerIndex()
    {
        var index = new Dictionary<long, int>(Count);
        for (var i = 0; i < Count; i++)
        {
            index[_integers![i]] = i;
        }
        return index;
    }

    private Dictionary<string, int> BuildStringIndex()
    {
        var index = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            index[_strings![i]] = i;
        }
        return index;
    }
}
