using System.Globalization;
using System.Xml;

namespace Connective.Graph.Formats;

/// <summary>
/// GEXF (Gephi): <c>&lt;nodes&gt;</c> with <c>&lt;attvalues&gt;</c> for node attributes, <c>&lt;edges&gt;</c> with a
/// <c>weight</c> attribute. Reads GEXF 1.1–1.3 (any namespace); writes 1.2draft, the version NetworkX reads by default.
/// Dynamic (time-dependent) values and hierarchies are not supported.
/// </summary>
internal static class GexfFormat
{
    private static readonly string Namespace = "http://www.gexf.net/1.2draft";

    public static ParsedGraph Read(Stream stream, string fileName) => XmlInput.Guard(fileName, () =>
    {
        using var xml = XmlInput.Open(stream);
        var collector = new GraphCollector(fileName);
        var nodeAttributes = new Dictionary<string, (string Title, NodeAttributeKind Kind)>(StringComparer.Ordinal);
        bool? directed = null;
        var sawRoot = false;
        var sawGraph = false;
        string? attributeClass = null;
        var currentNode = -1;
        var inEdge = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "node":
                        currentNode = -1;
                        break;
                    case "attributes":
                        attributeClass = null;
                        break;
                    case "edge":
                        inEdge = false;
                        break;
                    default:
                        break;
                }
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            var line = XmlInput.Line(xml);
            switch (xml.LocalName)
            {
                case "gexf":
                    sawRoot = true;
                    break;
                case "graph":
                    if (sawGraph)
                    {
                        throw XmlInput.Error(xml, fileName, "the file holds more than one <graph>");
                    }
                    sawGraph = true;
                    directed = xml.GetAttribute("defaultedgetype") switch
                    {
                        "directed" => true,
                        "undirected" or "mutual" or null => false,
                        var other => throw XmlInput.Error(xml, fileName, $"defaultedgetype must be directed, undirected or mutual, not '{other}'"),
                    };
                    switch (xml.GetAttribute("mode"))
                    {
                        case "static" or null:
                            break;
                        case "dynamic":
                            throw XmlInput.Error(xml, fileName, "dynamic GEXF graphs are not supported");
                        case var other:
                            throw XmlInput.Error(xml, fileName, $"mode must be static or dynamic, not '{other}'");
                    }
                    break;
                case "attributes":
                    attributeClass = xml.GetAttribute("class");
                    if (xml.IsEmptyElement)
                    {
                        attributeClass = null;
                    }
                    break;
                case "attribute" when attributeClass == "node":
                    {
                        var id = xml.GetAttribute("id") ?? throw XmlInput.Error(xml, fileName, "an <attribute> has no id");
                        var title = xml.GetAttribute("title") ?? id;
                        var kind = xml.GetAttribute("type") switch
                        {
                            "integer" or "long" or "float" or "double" or "short" or "byte" => NodeAttributeKind.Number,
                            _ => NodeAttributeKind.Text,
                        };
                        nodeAttributes[id] = (title, kind);
                        break;
                    }
                case "node":
                    {
                        if (currentNode >= 0)
                        {
                            throw XmlInput.Error(xml, fileName, "nested nodes (hierarchical GEXF) are not supported");
                        }
                        var id = xml.GetAttribute("id") ?? throw XmlInput.Error(xml, fileName, "a <node> has no id");
                        currentNode = collector.DeclareNode(id, line);
                        if (xml.IsEmptyElement)
                        {
                            currentNode = -1;
                        }
                        break;
                    }
                case "edge":
                    {
                        var source = xml.GetAttribute("source") ?? throw XmlInput.Error(xml, fileName, "an <edge> has no source");
                        var target = xml.GetAttribute("target") ?? throw XmlInput.Error(xml, fileName, "an <edge> has no target");
                        var weight = 1.0;
                        if (xml.GetAttribute("weight") is { } text)
                        {
                            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight))
                            {
                                throw XmlInput.Error(xml, fileName, $"the edge weight '{text}' is not a finite number");
                            }
                            collector.Weighted = true;
                        }
                        var u = collector.ReferToNode(source, line);
                        var v = collector.ReferToNode(target, line);
                        collector.AddEdge(u, v, weight);
                        if (xml.GetAttribute("type") == "mutual" && directed == true)
                        {
                            collector.AddEdge(v, u, weight);
                        }
                        inEdge = !xml.IsEmptyElement;
                        break;
                    }
                case "attvalue" when currentNode >= 0 && !inEdge:
                    {
                        var key = xml.GetAttribute("for") ?? xml.GetAttribute("id") ?? throw XmlInput.Error(xml, fileName, "an <attvalue> has no 'for'");
                        if (!nodeAttributes.TryGetValue(key, out var attribute))
                        {
                            throw XmlInput.Error(xml, fileName, $"<attvalue> refers to the attribute '{key}', which no node <attribute> declares");
                        }
                        var value = xml.GetAttribute("value") ?? string.Empty;
                        if (attribute.Kind == NodeAttributeKind.Number && !GraphAssembly.IsNumber(value))
                        {
                            throw XmlInput.Error(xml, fileName, $"the value '{value}' of the numeric attribute '{attribute.Title}' is not a number");
                        }
                        collector.Attribute(attribute.Title, attribute.Kind).Set(currentNode, value);
                        break;
                    }
                default:
                    break;
            }
        }
        if (!sawRoot || !sawGraph)
        {
            throw new GraphFormatException(fileName, null, "no <gexf> root with a <graph> element: this is not a GEXF file");
        }
        return collector.Finish(directed);
    });

    public static void Write(CsrGraph graph, GraphTextWriter output)
    {
        using var xml = XmlInput.CreateWriter(output.Text);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("version", "1.2");
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", graph.IsDirected ? "directed" : "undirected");
        xml.WriteAttributeString("mode", "static");
        var columns = graph.NodeAttributes?.Columns ?? [];
        if (columns.Count > 0)
        {
            xml.WriteStartElement("attributes", Namespace);
            xml.WriteAttributeString("class", "node");
            xml.WriteAttributeString("mode", "static");
            for (var c = 0; c < columns.Count; c++)
            {
                xml.WriteStartElement("attribute", Namespace);
                xml.WriteAttributeString("id", c.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("title", columns[c].Name);
                xml.WriteAttributeString("type", columns[c].Kind == NodeAttributeKind.Number ? "double" : "string");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("nodes", Namespace);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            xml.WriteStartElement("node", Namespace);
            var label = graph.Labels[node];
            xml.WriteAttributeString("id", label);
            xml.WriteAttributeString("label", label);
            var wroteValues = false;
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].GetText(node) is not { } value)
                {
                    continue;
                }
                if (!wroteValues)
                {
                    xml.WriteStartElement("attvalues", Namespace);
                    wroteValues = true;
                }
                xml.WriteStartElement("attvalue", Namespace);
                xml.WriteAttributeString("for", c.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("value", value);
                xml.WriteEndElement();
            }
            if (wroteValues)
            {
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("edges", Namespace);
        var labels = graph.Labels;
        long edgeId = 0;
        GraphEdges.ForEach(graph, (u, v, w) =>
        {
            // Unique edge ids keep repeated edges apart (NetworkX uses them as multigraph keys).
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", (edgeId++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", labels[u]);
            xml.WriteAttributeString("target", labels[v]);
            if (graph.IsWeighted)
            {
                xml.WriteAttributeString("weight", GraphTextWriter.NumberText(w));
            }
            xml.WriteEndElement();
        });
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
