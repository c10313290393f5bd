using System.Xml;

namespace Connective.Graph.Formats;

/// <summary>Secure, streaming XML reading for GraphML and GEXF, with XML errors turned into <see cref="GraphFormatException"/>s that name the line.</summary>
internal static class XmlInput
{
    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    });

    public static long Line(XmlReader reader) => ((IXmlLineInfo)reader).LineNumber;

    public static int Column(XmlReader reader) => ((IXmlLineInfo)reader).LinePosition;

    public static GraphFormatException Error(XmlReader reader, string fileName, string problem) =>
        new(fileName, Line(reader), problem, column: Column(reader));

    /// <summary>Runs a reader body, converting malformed XML (including truncation and bad encodings) into a clear error.</summary>
    public static T Guard<T>(string fileName, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            var problem = e.Message;
            var cut = problem.IndexOf(" Line ", StringComparison.Ordinal);
            if (cut > 0)
            {
                problem = problem[..cut];
            }
            if (e.Message.Contains("Root element is missing", StringComparison.Ordinal))
            {
                problem = "the file is empty or has no XML root element";
            }
            else if (e.Message.Contains("Unexpected end of file", StringComparison.Ordinal))
            {
                problem = "the file ends too early (truncated?): " + problem.TrimEnd('.');
            }
            return e.LineNumber > 0
                ? throw new GraphFormatException(fileName, e.LineNumber, "malformed XML: " + problem, column: e.LinePosition, innerException: e)
                : throw new GraphFormatException(fileName, null, "malformed XML: " + problem, innerException: e);
        }
        catch (InvalidDataException e)
        {
            throw new GraphFormatException(fileName, null, $"the gzip data is damaged or truncated ({e.Message})", innerException: e);
        }
    }

    /// <summary>The text content of the current element, moving past its end; null when it holds child elements.</summary>
    public static string? ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }
        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        var structured = false;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(xml.Value);
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                structured = true;
            }
            xml.Read();
        }
        xml.Read();
        return structured ? null : text.ToString();
    }

    public static XmlWriter CreateWriter(TextWriter text) => XmlWriter.Create(text, new XmlWriterSettings
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CloseOutput = false,
        Encoding = new System.Text.UTF8Encoding(false),
    });
}
