using System.Globalization;
using System.Xml;

namespace Connective.Graph.Formats;

/// <summary>
/// GraphML: one <c>&lt;graph&gt;</c> with <c>&lt;node&gt;</c>s and <c>&lt;edge&gt;</c>s; node <c>&lt;data&gt;</c> become node
/// attributes, the edge attribute named <c>weight</c> becomes the edge weight (other edge data is not kept).
/// </summary>
internal static class GraphMLFormat
{
    private static readonly string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private sealed record Key(string Name, string For, NodeAttributeKind Kind, string? Default);

    public static ParsedGraph Read(Stream stream, string fileName) => XmlInput.Guard(fileName, () =>
    {
        using var xml = XmlInput.Open(stream);
        var keys = new Dictionary<string, Key>(StringComparer.Ordinal);
        var collector = new GraphCollector(fileName);
        bool? directed = null;
        var graphs = 0;
        var sawRoot = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "graphml":
                    sawRoot = true;
                    break;
                case "key":
                    ReadKey(xml, keys, fileName);
                    break;
                case "graph":
                    if (++graphs > 1)
                    {
                        throw XmlInput.Error(xml, fileName, "nested or multiple <graph> elements are not supported; the file must hold one graph");
                    }
                    directed = xml.GetAttribute("edgedefault") switch
                    {
                        "directed" => true,
                        "undirected" or null => false,
                        var other => throw XmlInput.Error(xml, fileName, $"edgedefault must be 'directed' or 'undirected', not '{other}'"),
                    };
                    break;
                case "node":
                    ReadNode(xml, keys, collector);
                    break;
                case "edge":
                    ReadEdge(xml, keys, collector);
                    break;
                case "hyperedge":
                    throw XmlInput.Error(xml, fileName, "hyperedges are not supported");
                default:
                    break;
            }
        }
        if (!sawRoot || graphs == 0)
        {
            throw new GraphFormatException(fileName, null, "no <graphml> root with a <graph> element: this is not a GraphML file");
        }
        collector.Weighted |= keys.Values.Any(k => k.Name == "weight" && k.For is "edge" or "all");
        var parsed = collector.Finish(directed);
        ApplyDefaults(parsed, keys);
        return parsed;
    });

    private static void ReadKey(XmlReader xml, Dictionary<string, Key> keys, string fileName)
    {
        var id = xml.GetAttribute("id") ?? throw XmlInput.Error(xml, fileName, "a <key> has no id");
        var name = xml.GetAttribute("attr.name") ?? id;
        var kind = xml.GetAttribute("attr.type") switch
        {
            "int" or "long" or "float" or "double" => NodeAttributeKind.Number,
            "string" or "boolean" or null => NodeAttributeKind.Text,
            var other => throw XmlInput.Error(xml, fileName, $"unknown attr.type '{other}' (GraphML allows boolean, int, long, float, double, string)"),
        };
        var forWhat = xml.GetAttribute("for") ?? "all";
        string? defaultValue = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "default")
                {
                    defaultValue = XmlInput.ReadText(xml);
                }
                else if (xml.NodeType == XmlNodeType.Element)
                {
                    xml.Skip();
                }
                else
                {
                    xml.Read();
                }
            }
        }
        keys[id] = new Key(name, forWhat, kind, defaultValue);
    }

    private static void ReadNode(XmlReader xml, Dictionary<string, Key> keys, GraphCollector collector)
    {
        var line = XmlInput.Line(xml);
        var id = xml.GetAttribute("id") ?? throw XmlInput.Error(xml, collector.FileName, "a <node> has no id");
        var node = collector.DeclareNode(id, line);
        ReadData(xml, keys, collector.FileName, (key, value, dataLine) =>
        {
            if (key.For is not ("node" or "all"))
            {
                return;
            }
            if (key.Kind == NodeAttributeKind.Number && !GraphAssembly.IsNumber(value))
            {
                throw new GraphFormatException(collector.FileName, dataLine, $"the value '{value}' of the numeric attribute '{key.Name}' is not a number");
            }
            collector.Attribute(key.Name, key.Kind).Set(node, value);
        });
    }

    private static void ReadEdge(XmlReader xml, Dictionary<string, Key> keys, GraphCollector collector)
    {
        var line = XmlInput.Line(xml);
        var source = xml.GetAttribute("source") ?? throw XmlInput.Error(xml, collector.FileName, "an <edge> has no source");
        var target = xml.GetAttribute("target") ?? throw XmlInput.Error(xml, collector.FileName, "an <edge> has no target");
        var u = collector.ReferToNode(source, line);
        var v = collector.ReferToNode(target, line);
        var weightKey = keys.Values.FirstOrDefault(k => k.Name == "weight" && k.For is "edge" or "all");
        var weight = weightKey?.Default is { } d && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var dw) ? dw : 1.0;
        ReadData(xml, keys, collector.FileName, (key, value, dataLine) =>
        {
            if (key.Name != "weight" || key.For is not ("edge" or "all"))
            {
                return;
            }
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight))
            {
                throw new GraphFormatException(collector.FileName, dataLine, $"the edge weight '{value}' is not a finite number");
            }
        });
        collector.AddEdge(u, v, weight);
    }

    /// <summary>Reads the <c>&lt;data&gt;</c> children of the current element.</summary>
    private static void ReadData(XmlReader xml, Dictionary<string, Key> keys, string fileName, Action<Key, string, long> onData)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            if (xml.LocalName != "data")
            {
                xml.Skip();
                continue;
            }
            var line = XmlInput.Line(xml);
            var keyId = xml.GetAttribute("key") ?? throw XmlInput.Error(xml, fileName, "a <data> element has no key");
            if (!keys.TryGetValue(keyId, out var key))
            {
                throw XmlInput.Error(xml, fileName, $"<data> refers to the key '{keyId}', which no <key> declares");
            }
            // Structured data (such as yEd's graphics) is skipped: only plain values become attributes.
            if (XmlInput.ReadText(xml) is { } value)
            {
                onData(key, value, line);
            }
        }
    }

    private static void ApplyDefaults(ParsedGraph parsed, Dictionary<string, Key> keys)
    {
        var count = parsed.Ids!.Count;
        foreach (var key in keys.Values.Where(k => k.Default is not null && k.For is "node" or "all" && k.Name != "weight"))
        {
            var attribute = parsed.Attributes.FirstOrDefault(a => a.Name == key.Name);
            if (attribute is null)
            {
                attribute = new ParsedAttribute(key.Name) { DeclaredKind = key.Kind };
                parsed.Attributes.Add(attribute);
            }
            for (var node = 0; node < count; node++)
            {
                if (node >= attribute.Values.Count || attribute.Values[node] is null)
                {
                    attribute.Set(node, key.Default!);
                }
            }
        }
    }

    public static void Write(CsrGraph graph, GraphTextWriter output)
    {
        using var xml = XmlInput.CreateWriter(output.Text);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        var columns = graph.NodeAttributes?.Columns ?? [];
        for (var c = 0; c < columns.Count; c++)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", "n" + c.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("for", "node");
            xml.WriteAttributeString("attr.name", columns[c].Name);
            xml.WriteAttributeString("attr.type", columns[c].Kind == NodeAttributeKind.Number ? "double" : "string");
            xml.WriteEndElement();
        }
        if (graph.IsWeighted)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", "weight");
            xml.WriteAttributeString("for", "edge");
            xml.WriteAttributeString("attr.name", "weight");
            xml.WriteAttributeString("attr.type", "double");
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("edgedefault", graph.IsDirected ? "directed" : "undirected");
        for (var node = 0; node < graph.NodeCount; node++)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", graph.Labels[node]);
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].GetText(node) is { } value)
                {
                    xml.WriteStartElement("data", Namespace);
                    xml.WriteAttributeString("key", "n" + c.ToString(CultureInfo.InvariantCulture));
                    xml.WriteString(value);
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
        }
        var labels = graph.Labels;
        GraphEdges.ForEach(graph, (u, v, w) =>
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("source", labels[u]);
            xml.WriteAttributeString("target", labels[v]);
            if (graph.IsWeighted)
            {
                xml.WriteStartElement("data", Namespace);
                xml.WriteAttributeString("key", "weight");
                xml.WriteString(GraphTextWriter.NumberText(w));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
