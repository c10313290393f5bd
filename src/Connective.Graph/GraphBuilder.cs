using System.Globalization;
using System.Runtime.InteropServices;

namespace Connective.Graph;

/// <summary>What <see cref="GraphBuilder"/> does with an edge added more than once.</summary>
public enum DuplicateEdgePolicy
{
    /// <summary>Keep every copy (a multigraph).</summary>
    Keep,

    /// <summary>Keep one edge; when weighted, the weight added last wins (as NetworkX's <c>Graph.add_edge</c> does).</summary>
    Merge,

    /// <summary>Keep one edge whose weight is the sum of the copies' weights (the number of copies when unweighted).</summary>
    SumWeights,
}

/// <summary>What <see cref="GraphBuilder"/> does with an edge from a node to itself.</summary>
public enum SelfLoopPolicy
{
    /// <summary>Keep self-loops.</summary>
    Keep,

    /// <summary>Drop self-loops (the node itself is kept).</summary>
    Drop,
}

/// <summary>
/// Builds a <see cref="CsrGraph"/> from a stream of edges named by external ids: non-negative integers or strings.
/// </summary>
/// <remarks>
/// <para>While every id is a non-negative integer the graph keeps integer labels, and dense ids follow ascending id
/// order (so ids 0..N−1, for instance after <see cref="DeclareNodes"/>, map to themselves). As soon as one id is not a
/// canonical non-negative integer, every label becomes a string and dense ids follow first-seen order.</para>
/// <para>On undirected graphs (u, v) and (v, u) are the same edge for <see cref="DuplicateEdges"/>.
/// Not thread-safe; a builder can be used once.</para>
/// </remarks>
public sealed class GraphBuilder
{
    // Raw: endpoint ints are the integer ids themselves. Mapped: integer ids too large for int, endpoints are
    // first-seen indices into _mappedIds. Text: endpoints are first-seen indices into _names (final dense ids).
    private enum LabelMode { Raw, Mapped, Text }

    private LabelMode _mode = LabelMode.Raw;
    private int[] _sources = new int[16];
    private int[] _targets = new int[16];
    private double[]? _weights;
    private int _edgeCount;

    // Raw mode remembers node declarations with their position in the edge stream, so that switching to text
    // labels can replay first-seen order exactly.
    private readonly List<(long First, long Count, int Position)> _rawNodes = [];
    private Dictionary<long, int>? _mappedIndex;
    private List<long>? _mappedIds;
    private Dictionary<string, int>? _nameIndex;
    private List<string>? _names;

    private readonly List<string> _attributeNames = [];
    private readonly List<NodeAttributeKind> _attributeKinds = [];
    private readonly List<(string? Text, long Integer, int Column, double Number, string? Value)> _attributeValues = [];
    private bool _built;

    /// <summary>Starts an empty graph.</summary>
    /// <param name="directed">True for arcs from source to target; false for undirected edges.</param>
    public GraphBuilder(bool directed = false) => IsDirected = directed;

    /// <summary>True when the graph being built is directed.</summary>
    public bool IsDirected { get; }

    /// <summary>What to do with repeated edges; <see cref="DuplicateEdgePolicy.Keep"/> by default.</summary>
    public DuplicateEdgePolicy DuplicateEdges { get; set; } = DuplicateEdgePolicy.Keep;

    /// <summary>What to do with self-loops; <see cref="SelfLoopPolicy.Keep"/> by default.</summary>
    public SelfLoopPolicy SelfLoops { get; set; } = SelfLoopPolicy.Keep;

    /// <summary>The number of edges added so far (before duplicate and self-loop policies apply).</summary>
    public int AddedEdgeCount => _edgeCount;

    /// <summary>Reserves room for <paramref name="edges"/> edges, to avoid regrowing when the count is known.</summary>
    public void EnsureCapacity(int edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        if (edges > _sources.Length)
        {
            Grow(edges);
        }
    }

    /// <summary>Declares nodes with integer ids 0..<paramref name="count"/>−1, edges or not (the <c># nodes N</c> header).</summary>
    public void DeclareNodes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureUsable();
        if (_mode == LabelMode.Raw)
        {
            _rawNodes.Add((0, count, _edgeCount));
            return;
        }
        for (long id = 0; id < count; id++)
        {
            NodeIndex(id);
        }
    }

    /// <summary>Adds the node with integer id <paramref name="externalId"/> if it is not there yet.</summary>
    public void AddNode(long externalId)
    {
        ThrowIfNegativeId(externalId);
        EnsureUsable();
        if (_mode == LabelMode.Raw && externalId < int.MaxValue)
        {
            _rawNodes.Add((externalId, 1, _edgeCount));
            return;
        }
        NodeIndex(externalId);
    }

    /// <summary>Adds the node with id <paramref name="externalId"/> if it is not there yet (canonical non-negative integers count as integer ids).</summary>
    public void AddNode(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (TryParseCanonicalInteger(externalId, out var id) && _mode != LabelMode.Text)
        {
            AddNode(id);
            return;
        }
        EnsureUsable();
        NodeIndex(externalId);
    }

    /// <summary>Adds an unweighted edge (weight 1 when other edges are weighted) between integer ids.</summary>
    public void AddEdge(long source, long target) => AddEdge(source, target, 1.0, weighted: false);

    /// <summary>Adds a weighted edge between integer ids; the graph becomes weighted.</summary>
    /// <exception cref="ArgumentException">When <paramref name="weight"/> is not a finite number.</exception>
    public void AddEdge(long source, long target, double weight) => AddEdge(source, target, weight, weighted: true);

    /// <summary>Adds an unweighted edge between ids given as text (canonical non-negative integers count as integer ids).</summary>
    public void AddEdge(string source, string target) => AddEdge(source, target, 1.0, weighted: false);

    /// <summary>Adds a weighted edge between ids given as text; the graph becomes weighted.</summary>
    /// <exception cref="ArgumentException">When <paramref name="weight"/> is not a finite number.</exception>
    public void AddEdge(string source, string target, double weight) => AddEdge(source, target, weight, weighted: true);

    /// <summary>Sets a numeric attribute of the node with integer id <paramref name="externalId"/>, adding the node if needed.</summary>
    public void SetNodeAttribute(long externalId, string name, double value)
    {
        AddNode(externalId);
        _attributeValues.Add((null, externalId, AttributeColumn(name, NodeAttributeKind.Number), value, null));
    }

    /// <summary>Sets a text attribute of the node with integer id <paramref name="externalId"/>, adding the node if needed.</summary>
    public void SetNodeAttribute(long externalId, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        AddNode(externalId);
        _attributeValues.Add((null, externalId, AttributeColumn(name, NodeAttributeKind.Text), double.NaN, value));
    }

    /// <summary>Sets a numeric attribute of the node <paramref name="externalId"/>, adding the node if needed.</summary>
    public void SetNodeAttribute(string externalId, string name, double value)
    {
        AddNode(externalId);
        _attributeValues.Add((externalId, 0, AttributeColumn(name, NodeAttributeKind.Number), value, null));
    }

    /// <summary>Sets a text attribute of the node <paramref name="externalId"/>, adding the node if needed.</summary>
    public void SetNodeAttribute(string externalId, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        AddNode(externalId);
        _attributeValues.Add((externalId, 0, AttributeColumn(name, NodeAttributeKind.Text), double.NaN, value));
    }

    /// <summary>Builds the graph. The builder cannot be used afterwards.</summary>
    public CsrGraph Build()
    {
        EnsureUsable();
        _built = true;
        var (labels, dense) = ResolveLabels();
        var sources = _sources;
        var targets = _targets;
        if (dense is not null)
        {
            Remap(sources, _edgeCount, dense);
            Remap(targets, _edgeCount, dense);
        }
        var weights = _weights;
        if (weights is null && DuplicateEdges == DuplicateEdgePolicy.SumWeights)
        {
            // Summing copies of unweighted edges counts them, which needs a weight per edge.
            weights = new double[_edgeCount];
            Array.Fill(weights, 1.0);
        }
        var attributes = ResolveAttributes(labels);
        var edges = new EdgeList(sources, targets, weights, _edgeCount);
        return CsrConstruction.Build(labels.Count, IsDirected, edges, DuplicateEdges, SelfLoops == SelfLoopPolicy.Drop, labels, attributes);
    }

    /// <summary>True when <paramref name="text"/> is a non-negative integer written without sign, spaces or leading zeros.</summary>
    internal static bool TryParseCanonicalInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    private void AddEdge(long source, long target, double weight, bool weighted)
    {
        // Change label mode before either endpoint is indexed, so both use the same mode and first-seen order holds.
        if (_mode == LabelMode.Raw && Math.Max(source, target) >= int.MaxValue && Math.Min(source, target) >= 0)
        {
            SwitchToMapped();
        }
        AddEdgeCore(NodeIndex(source), NodeIndex(target), weight, weighted);
    }

    private void AddEdge(string source, string target, double weight, bool weighted)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        EnsureUsable();
        if (_mode != LabelMode.Text)
        {
            var integers = TryParseCanonicalInteger(source, out var a) & TryParseCanonicalInteger(target, out var b);
            if (!integers)
            {
                SwitchToText();
            }
            else if (_mode == LabelMode.Raw && Math.Max(a, b) >= int.MaxValue)
            {
                SwitchToMapped();
            }
        }
        AddEdgeCore(NodeIndex(source), NodeIndex(target), weight, weighted);
    }

    private void AddEdgeCore(int source, int target, double weight, bool weighted)
    {
        if (weighted && !double.IsFinite(weight))
        {
            throw new ArgumentException($"Edge weight must be a finite number, got {weight.ToString(CultureInfo.InvariantCulture)}.", nameof(weight));
        }
        if (_edgeCount == _sources.Length)
        {
            Grow(_edgeCount * 2);
        }
        if (weighted && _weights is null)
        {
            _weights = new double[_sources.Length];
            Array.Fill(_weights, 1.0, 0, _edgeCount);
        }
        _sources[_edgeCount] = source;
        _targets[_edgeCount] = target;
        if (_weights is not null)
        {
            _weights[_edgeCount] = weight;
        }
        _edgeCount++;
    }

    private void Grow(int capacity)
    {
        if (capacity > Array.MaxLength)
        {
            throw new InvalidOperationException($"A graph can hold at most {Array.MaxLength} added edges.");
        }
        Array.Resize(ref _sources, capacity);
        Array.Resize(ref _targets, capacity);
        if (_weights is not null)
        {
            Array.Resize(ref _weights, capacity);
        }
    }

    private int NodeIndex(long id)
    {
        ThrowIfNegativeId(id);
        EnsureUsable();
        if (_mode == LabelMode.Raw)
        {
            if (id < int.MaxValue)
            {
                return (int)id;
            }
            SwitchToMapped();
        }
        if (_mode == LabelMode.Mapped)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_mappedIndex!, id, out var exists);
            if (!exists)
            {
                slot = _mappedIds!.Count;
                _mappedIds.Add(id);
            }
            return slot;
        }
        return NameIndex(id.ToString(CultureInfo.InvariantCulture));
    }

    private int NodeIndex(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        EnsureUsable();
        if (_mode != LabelMode.Text)
        {
            if (TryParseCanonicalInteger(id, out var integer))
            {
                return NodeIndex(integer);
            }
            SwitchToText();
        }
        return NameIndex(id);
    }

    private int NameIndex(string name)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_nameIndex!, name, out var exists);
        if (!exists)
        {
            slot = _names!.Count;
            _names.Add(name);
        }
        return slot;
    }

    private void SwitchToMapped()
    {
        _mappedIndex = [];
        _mappedIds = [];
        var order = ReplayRawFirstSeen();
        _mode = LabelMode.Mapped;
        foreach (var id in order)
        {
            NodeIndex(id);
        }
        RewriteRawEndpoints();
    }

    private void SwitchToText()
    {
        _nameIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _names = [];
        if (_mode == LabelMode.Mapped)
        {
            // Mapped indices are already in first-seen order: the names take the same indices.
            _mode = LabelMode.Text;
            foreach (var id in _mappedIds!)
            {
                NameIndex(id.ToString(CultureInfo.InvariantCulture));
            }
            _mappedIds = null;
            _mappedIndex = null;
            return;
        }
        var order = ReplayRawFirstSeen();
        _mode = LabelMode.Text;
        foreach (var id in order)
        {
            NameIndex(id.ToString(CultureInfo.InvariantCulture));
        }
        RewriteRawEndpoints();
    }

    /// <summary>The distinct raw ids in the order they were first declared or used.</summary>
    private List<long> ReplayRawFirstSeen()
    {
        var seen = new HashSet<long>();
        var order = new List<long>();
        var nodeEvent = 0;
        for (var i = 0; i <= _edgeCount; i++)
        {
            while (nodeEvent < _rawNodes.Count && _rawNodes[nodeEvent].Position == i)
            {
                var (first, count, _) = _rawNodes[nodeEvent++];
                for (var id = first; id < first + count; id++)
                {
                    if (seen.Add(id))
                    {
                        order.Add(id);
                    }
                }
            }
            if (i < _edgeCount)
            {
                if (seen.Add(_sources[i]))
                {
                    order.Add(_sources[i]);
                }
                if (seen.Add(_targets[i]))
                {
                    order.Add(_targets[i]);
                }
            }
        }
        _rawNodes.Clear();
        return order;
    }

    private void RewriteRawEndpoints()
    {
        for (var i = 0; i < _edgeCount; i++)
        {
            _sources[i] = IndexOfRaw(_sources[i]);
            _targets[i] = IndexOfRaw(_targets[i]);
        }
    }

    private int IndexOfRaw(long id) =>
        _mode == LabelMode.Mapped ? _mappedIndex![id] : _nameIndex![id.ToString(CultureInfo.InvariantCulture)];

    /// <summary>The final labels, and the map from endpoint values to dense ids (null when they already are dense ids).</summary>
    private (NodeLabels Labels, int[]? Dense) ResolveLabels()
    {
        switch (_mode)
        {
            case LabelMode.Text:
                return (NodeLabels.FromStrings([.. _names!]), null);
            case LabelMode.Mapped:
                {
                    var ids = _mappedIds!.ToArray();
                    var order = new int[ids.Length];
                    for (var i = 0; i < order.Length; i++)
                    {
                        order[i] = i;
                    }
                    Array.Sort(ids, order);
                    var dense = new int[ids.Length];
                    for (var rank = 0; rank < order.Length; rank++)
                    {
                        dense[order[rank]] = rank;
                    }
                    return (NodeLabels.FromIntegers(ids), dense);
                }
            default:
                return ResolveRawLabels();
        }
    }

    private (NodeLabels Labels, int[]? Dense) ResolveRawLabels()
    {
        var max = -1;
        foreach (var (first, count, _) in _rawNodes)
        {
            if (count > 0)
            {
                max = Math.Max(max, (int)(first + count - 1));
            }
        }
        var declaredPrefix = 0L;
        foreach (var (first, count, _) in _rawNodes)
        {
            if (first == 0)
            {
                declaredPrefix = Math.Max(declaredPrefix, count);
            }
        }
        for (var i = 0; i < _edgeCount; i++)
        {
            max = Math.Max(max, Math.Max(_sources[i], _targets[i]));
        }
        if (max < declaredPrefix)
        {
            // Every id lies in 0..N−1 and all of those exist: dense ids are the ids themselves.
            return (NodeLabels.Identity((int)declaredPrefix), null);
        }
        if (max > 1_000_000 + (4L * ((2L * _edgeCount) + declaredPrefix + _rawNodes.Count)))
        {
            // Ids spread far wider than the graph: a presence table would waste memory, so map through a dictionary.
            SwitchToMapped();
            return ResolveLabels();
        }
        // Mark the ids present, then rank them: dense id = rank in ascending id order.
        var present = new bool[max + 1];
        foreach (var (first, count, _) in _rawNodes)
        {
            present.AsSpan((int)first, (int)count).Fill(true);
        }
        for (var i = 0; i < _edgeCount; i++)
        {
            present[_sources[i]] = true;
            present[_targets[i]] = true;
        }
        var dense = new int[max + 1];
        var next = 0;
        for (var id = 0; id <= max; id++)
        {
            dense[id] = present[id] ? next++ : -1;
        }
        if (next == max + 1)
        {
            return (NodeLabels.Identity(next), null);
        }
        var ids = new long[next];
        for (var id = 0; id <= max; id++)
        {
            if (present[id])
            {
                ids[dense[id]] = id;
            }
        }
        return (NodeLabels.FromIntegers(ids), dense);
    }

    private static void Remap(int[] endpoints, int count, int[] dense)
    {
        for (var i = 0; i < count; i++)
        {
            endpoints[i] = dense[endpoints[i]];
        }
    }

    private int AttributeColumn(string name, NodeAttributeKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var index = _attributeNames.IndexOf(name);
        if (index < 0)
        {
            _attributeNames.Add(name);
            _attributeKinds.Add(kind);
            return _attributeNames.Count - 1;
        }
        if (_attributeKinds[index] != kind)
        {
            throw new ArgumentException($"Node attribute '{name}' holds {_attributeKinds[index]} values and cannot take a {kind} value.", nameof(name));
        }
        return index;
    }

    private NodeAttributes? ResolveAttributes(NodeLabels labels)
    {
        if (_attributeNames.Count == 0)
        {
            return null;
        }
        var numbers = new double[]?[_attributeNames.Count];
        var texts = new string?[]?[_attributeNames.Count];
        for (var c = 0; c < numbers.Length; c++)
        {
            if (_attributeKinds[c] == NodeAttributeKind.Number)
            {
                numbers[c] = new double[labels.Count];
                Array.Fill(numbers[c]!, double.NaN);
            }
            else
            {
                texts[c] = new string?[labels.Count];
            }
        }
        foreach (var (text, integer, column, number, value) in _attributeValues)
        {
            var found = text is not null ? labels.TryGetNode(text, out var node) : labels.TryGetNode(integer, out node);
            if (!found)
            {
                throw new InvalidOperationException("A node with an attribute is missing from the labels.");
            }
            if (numbers[column] is { } numberColumn)
            {
                numberColumn[node] = number;
            }
            else
            {
                texts[column]![node] = value;
            }
        }
        var columns = new NodeAttributeColumn[_attributeNames.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = numbers[c] is { } n ? new NodeAttributeColumn(_attributeNames[c], n) : new NodeAttributeColumn(_attributeNames[c], texts[c]!);
        }
        return new NodeAttributes(columns);
    }

    private void EnsureUsable()
    {
        if (_built)
        {
            throw new InvalidOperationException("This GraphBuilder has already built its graph; start a new builder.");
        }
    }

    private static void ThrowIfNegativeId(long id)
    {
        if (id < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "Integer node ids must be non-negative; pass negative ids as text.");
        }
    }
}

/// <summary>Edges as parallel endpoint arrays of dense ids (the first <see cref="Count"/> entries are used).</summary>
internal readonly record struct EdgeList(int[] Sources, int[] Targets, double[]? Weights, int Count);
