using System.Text;

namespace Connective.Budgeting.Pabulib;

/// <summary>
/// Splits one Pabulib record into fields the way Python's csv module does with delimiter ';' (which is how the
/// Pabulib tools read these files): a field that starts with a quote is quoted, "" inside it is a quote, text
/// after a closing quote is kept as written, and a quoted field may run over several lines.
/// </summary>
internal sealed class PbFields
{
    private readonly List<string> _values = [];
    private readonly List<int> _columns = [];
    private readonly StringBuilder _current = new();

    public int Count => _values.Count;

    public string this[int index] => _values[index];

    /// <summary>1-based column where field <paramref name="index"/> starts (its first character, or the opening quote).</summary>
    public int ColumnOf(int index) => _columns[index];

    /// <summary>Whether the field at <paramref name="index"/> was opened by a quote (its text starts one column later).</summary>
    public bool WasQuoted(int index) => _quoted[index];

    private readonly List<bool> _quoted = [];

    /// <summary>Splits <paramref name="record"/>; returns false when it ends inside a quoted field (the caller appends the next line).</summary>
    public bool Split(string record)
    {
        _values.Clear();
        _columns.Clear();
        _quoted.Clear();
        _current.Clear();
        var state = State.FieldStart;
        var fieldStart = 0;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            switch (state)
            {
                case State.FieldStart:
                    fieldStart = i;
                    if (c == '"')
                    {
                        state = State.Quoted;
                    }
                    else if (c == ';')
                    {
                        EndField(fieldStart, false);
                    }
                    else
                    {
                        _current.Append(c);
                        state = State.Unquoted;
                    }
                    break;
                case State.Unquoted:
                    if (c == ';')
                    {
                        EndField(fieldStart, false);
                        state = State.FieldStart;
                    }
                    else
                    {
                        _current.Append(c);
                    }
                    break;
                case State.Quoted:
                    if (c == '"')
                    {
                        state = State.QuoteInQuoted;
                    }
                    else
                    {
                        _current.Append(c);
                    }
                    break;
                case State.QuoteInQuoted:
                    if (c == '"')
                    {
                        _current.Append('"');
                        state = State.Quoted;
                    }
                    else if (c == ';')
                    {
                        EndField(fieldStart, true);
                        state = State.FieldStart;
                    }
                    else
                    {
                        _current.Append(c);
                        state = State.AfterQuoted;
                    }
                    break;
                case State.AfterQuoted:
                    if (c == ';')
                    {
                        EndField(fieldStart, true);
                        state = State.FieldStart;
                    }
                    else
                    {
                        _current.Append(c);
                    }
                    break;
            }
        }
        if (state == State.Quoted)
        {
            return false;
        }
        if (state == State.FieldStart)
        {
            fieldStart = record.Length;
        }
        EndField(fieldStart, state is State.QuoteInQuoted or State.AfterQuoted);
        return true;
    }

    private void EndField(int start, bool quoted)
    {
        _values.Add(_current.ToString());
        _columns.Add(start + 1);
        _quoted.Add(quoted);
        _current.Clear();
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterQuoted,
    }
}
