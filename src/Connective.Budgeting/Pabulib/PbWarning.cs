namespace Connective.Budgeting.Pabulib;

/// <summary>
/// Something in a Pabulib file that the reader accepted but a person should know about (an empty ballot, a project
/// named twice on one ballot, a <c>votes</c> column that disagrees with the ballots). Names the file, the line and
/// column (1-based; for a repeated problem, its first occurrence) and the field, like <see cref="PbFormatException"/>.
/// </summary>
/// <param name="File">The file (or source name) read.</param>
/// <param name="Line">1-based line of the (first) occurrence.</param>
/// <param name="Column">1-based column where the field starts.</param>
/// <param name="Field">The META key or column name concerned.</param>
/// <param name="Problem">What was found and how the reader treated it.</param>
public sealed record PbWarning(string File, int Line, int Column, string Field, string Problem)
{
    /// <summary>The warning as one line: <c>file:line:column: field 'name': problem</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: field '{Field}': {Problem}";
}
