using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Connective.Graph.Formats;

/// <summary>
/// External node ids seen while reading, numbered densely in first-seen order. Integer ids stay integers until the first
/// id that is not a canonical non-negative integer; from then on every id is text (integers keep their decimal form).
/// </summary>
internal sealed class NodeIdMap
{
    private Dictionary<long, int>? _integers = [];
    private List<long>? _integerLabels = [];
    private Dictionary<string, int>? _strings;
    private List<string>? _stringLabels;
    private char[] _chars = new char[256];

    public int Count => _integerLabels?.Count ?? _stringLabels!.Count;

    public bool IsInteger => _integers is not null;

    public IReadOnlyList<long> IntegerLabels => _integerLabels ?? throw new InvalidOperationException("The ids are strings.");

    public IReadOnlyList<string> StringLabels => _stringLabels ?? throw new InvalidOperationException("The ids are integers.");

    /// <summary>When set, ids not already known are refused (edge tables checked against a node table).</summary>
    public bool Closed { get; set; }

    public int GetOrAdd(long id)
    {
        if (_integers is not null)
        {
            if (_integers.TryGetValue(id, out var node))
            {
                return node;
            }
            if (Closed)
            {
                return -1;
            }
            _integers.Add(id, _integerLabels!.Count);
            _integerLabels.Add(id);
            return _integerLabels.Count - 1;
        }
        return GetOrAdd(id.ToString(CultureInfo.InvariantCulture));
    }

    public int GetOrAdd(string id)
    {
        if (_integers is not null && GraphIdText.TryParseCanonicalInteger(id, out var value))
        {
            return GetOrAdd(value);
        }
        SwitchToStrings();
        if (_strings!.TryGetValue(id, out var node))
        {
            return node;
        }
        if (Closed)
        {
            return -1;
        }
        _strings.Add(id, _stringLabels!.Count);
        _stringLabels.Add(id);
        return _stringLabels.Count - 1;
    }

    /// <summary>The dense id for a UTF-8 token; -1 when the map is closed and the id unknown.</summary>
    /// <exception cref="FormatException">When the token is not valid UTF-8.</exception>
    public int GetOrAdd(ReadOnlySpan<byte> token)
    {
        if (_integers is not null && GraphIdText.TryParseCanonicalInteger(token, out var value))
        {
            return GetOrAdd(value);
        }
        SwitchToStrings();
        if (_chars.Length < token.Length)
        {
            _chars = new char[Math.Max(token.Length, _chars.Length * 2)];
        }
        if (Utf8.ToUtf16(token, _chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new FormatException("the text is not valid UTF-8");
        }
        var chars = _chars.AsSpan(0, written);
        var lookup = _strings!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var node))
        {
            return node;
        }
        if (Closed)
        {
            return -1;
        }
        var id = chars.ToString();
        _strings.Add(id, _stringLabels!.Count);
        _stringLabels.Add(id);
        return _stringLabels.Count - 1;
    }

    private void SwitchToStrings()
    {
        if (_integers is null)
        {
            return;
        }
        _stringLabels = new List<string>(Math.Max(16, _integerLabels!.Count));
        _strings = new Dictionary<string, int>(_stringLabels.Capacity, StringComparer.Ordinal);
        foreach (var id in _integerLabels)
        {
            var text = id.ToString(CultureInfo.InvariantCulture);
            _strings.Add(text, _stringLabels.Count);
            _stringLabels.Add(text);
        }
        _integers = null;
        _integerLabels = null;
    }
}
