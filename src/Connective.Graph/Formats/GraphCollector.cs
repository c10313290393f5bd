namespace Connective.Graph.Formats;

/// <summary>
/// Gathers nodes, edges and node attributes for the formats that declare nodes explicitly (GraphML, GEXF, GML, Pajek):
/// a node declared twice, or an edge naming a node that is never declared, is an error naming the line.
/// </summary>
internal sealed class GraphCollector(string fileName)
{
    private readonly NodeIdMap _ids = new();
    private readonly List<long> _declaredOnLine = []; // 0: referred to by an edge but not (yet) declared
    private readonly Dictionary<int, long> _firstReference = [];
    private readonly EdgeBuffer _edges = new(weighted: true);
    private readonly List<ParsedAttribute> _attributes = [];
    private readonly Dictionary<string, ParsedAttribute> _attributesByName = new(StringComparer.Ordinal);

    public string FileName { get; } = fileName;

    /// <summary>True once any edge carried an explicit weight (or the file declares a weight attribute).</summary>
    public bool Weighted { get; set; }

    public int DeclareNode(string id, long line)
    {
        var node = _ids.GetOrAdd(id);
        while (_declaredOnLine.Count <= node)
        {
            _declaredOnLine.Add(0);
        }
        if (_declaredOnLine[node] != 0)
        {
            throw new GraphFormatException(FileName, line, $"the node '{id}' is declared twice (first on line {_declaredOnLine[node]})");
        }
        _declaredOnLine[node] = line;
        return node;
    }

    public int ReferToNode(string id, long line)
    {
        var node = _ids.GetOrAdd(id);
        while (_declaredOnLine.Count <= node)
        {
            _declaredOnLine.Add(0);
        }
        if (_declaredOnLine[node] == 0)
        {
            _firstReference.TryAdd(node, line);
        }
        return node;
    }

    public void AddEdge(int source, int target, double weight) => _edges.Add(source, target, weight);

    public ParsedAttribute Attribute(string name, NodeAttributeKind? kind = null)
    {
        if (!_attributesByName.TryGetValue(name, out var attribute))
        {
            attribute = new ParsedAttribute(name) { DeclaredKind = kind };
            _attributesByName.Add(name, attribute);
            _attributes.Add(attribute);
        }
        return attribute;
    }

    public ParsedGraph Finish(bool? directed)
    {
        foreach (var (node, line) in _firstReference.OrderBy(r => r.Value))
        {
            if (_declaredOnLine[node] == 0)
            {
                var label = _ids.IsInteger ? _ids.IntegerLabels[node].ToString(System.Globalization.CultureInfo.InvariantCulture) : _ids.StringLabels[node];
                throw new GraphFormatException(FileName, line, $"an edge refers to the node '{label}', which is never declared");
            }
        }
        if (!Weighted)
        {
            _edges.Weights = null;
        }
        var parsed = new ParsedGraph(_edges) { Ids = _ids, Directed = directed };
        parsed.Attributes.AddRange(_attributes);
        return parsed;
    }
}
