namespace Connective.Budgeting.Pabulib;

/// <summary>
/// A Pabulib file that cannot be read: says which file, which line and column (both 1-based; the column counts
/// characters from the start of the line) and which field (a META key or a column name) is wrong, and why.
/// </summary>
public sealed class PbFormatException : FormatException
{
    /// <summary>Creates the exception; the message is composed from the location and the problem.</summary>
    /// <param name="file">The file (or source name) being read.</param>
    /// <param name="line">1-based line number.</param>
    /// <param name="column">1-based character column where the offending field starts.</param>
    /// <param name="field">The META key, column name or section name concerned.</param>
    /// <param name="problem">What is wrong, in plain words.</param>
    public PbFormatException(string file, int line, int column, string field, string problem)
        : base($"{file}:{line}:{column}: field '{field}': {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file (or source name) being read.</summary>
    public string File { get; }

    /// <summary>1-based line number of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based character column where the offending field (or list item) starts.</summary>
    public int Column { get; }

    /// <summary>The META key, column name or section name concerned.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
