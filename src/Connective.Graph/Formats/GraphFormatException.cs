using System.Globalization;
using System.Text;

namespace Connective.Graph.Formats;

/// <summary>
/// A graph file could not be read: the message names the file, the line (and the field or column where it helps)
/// and the problem. Readers throw it instead of returning a partial graph.
/// </summary>
public sealed class GraphFormatException : Exception
{
    /// <summary>Creates the exception with a ready-made message.</summary>
    public GraphFormatException()
        : this("The graph file could not be read.")
    {
    }

    /// <summary>Creates the exception with a ready-made message.</summary>
    public GraphFormatException(string message)
        : base(message)
    {
        FileName = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception with a ready-made message and the error that caused it.</summary>
    public GraphFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    /// <param name="fileName">The file (or stream name) being read.</param>
    /// <param name="line">The 1-based line, or null when the problem concerns the whole file.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="field">The 1-based field of a tabular line, when meaningful.</param>
    /// <param name="column">The 1-based character column, when meaningful (XML).</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public GraphFormatException(string fileName, long? line, string problem, int? field = null, int? column = null, Exception? innerException = null)
        : base(Describe(fileName, line, problem, field, column), innerException)
    {
        FileName = fileName;
        Line = line;
        Field = field;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (or stream name) being read.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the problem, or null when it concerns the whole file.</summary>
    public long? Line { get; }

    /// <summary>The 1-based field (column of a table) of the problem, when meaningful.</summary>
    public int? Field { get; }

    /// <summary>The 1-based character column of the problem, when meaningful.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }

    private static string Describe(string fileName, long? line, string problem, int? field, int? column)
    {
        var text = new StringBuilder(fileName);
        if (line is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $", line {l}");
        }
        if (column is { } c)
        {
            text.Append(CultureInfo.InvariantCulture, $", column {c}");
        }
        if (field is { } f)
        {
            text.Append(CultureInfo.InvariantCulture, $", field {f}");
        }
        return text.Append(": ").Append(problem).ToString();
    }
}
