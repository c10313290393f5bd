namespace Connective.Graph;

/// <summary>Whether a node attribute column holds numbers or text.</summary>
public enum NodeAttributeKind
{
    /// <summary>Double-precision numbers; a missing value is NaN.</summary>
    Number,

    /// <summary>Strings; a missing value is null.</summary>
    Text,
}

/// <summary>One named node attribute: a value per dense node id.</summary>
public sealed class NodeAttributeColumn
{
    private readonly double[]? _numbers;
    private readonly string?[]? _texts;

    internal NodeAttributeColumn(string name, double[] numbers)
    {
        Name = name;
        Kind = NodeAttributeKind.Number;
        _numbers = numbers;
    }

    internal NodeAttributeColumn(string name, string?[] texts)
    {
        Name = name;
        Kind = NodeAttributeKind.Text;
        _texts = texts;
    }

    /// <summary>The attribute's name.</summary>
    public string Name { get; }

    /// <summary>Whether the values are numbers or text.</summary>
    public NodeAttributeKind Kind { get; }

    /// <summary>The number for <paramref name="node"/> (NaN when missing).</summary>
    /// <exception cref="InvalidOperationException">When the column holds text.</exception>
    public double GetNumber(int node) =>
        _numbers is not null ? _numbers[node] : throw new InvalidOperationException($"Node attribute '{Name}' holds text, not numbers.");

    /// <summary>The value for <paramref name="node"/> as text (numbers in invariant culture; null when missing).</summary>
    public string? GetText(int node)
    {
        if (_texts is not null)
        {
            return _texts[node];
        }
        var value = _numbers![node];
        return double.IsNaN(value) ? null : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="node"/> has a value in this column.</summary>
    public bool HasValue(int node) => _texts is not null ? _texts[node] is not null : !double.IsNaN(_numbers![node]);

    internal NodeAttributeColumn Select(ReadOnlySpan<int> keptNodes)
    {
        if (_numbers is not null)
        {
            var numbers = new double[keptNodes.Length];
            for (var i = 0; i < keptNodes.Length; i++)
            {
                numbers[i] = _numbers[keptNodes[i]];
            }
            return new NodeAttributeColumn(Name, numbers);
        }
        var texts = new string?[keptNodes.Length];
        for (var i = 0; i < keptNodes.Length; i++)
        {
            texts[i] = _texts![keptNodes[i]];
        }
        return new NodeAttributeColumn(Name, texts);
    }
}

/// <summary>Named node attribute columns, in the order they were first set.</summary>
public sealed class NodeAttributes
{
    private readonly NodeAttributeColumn[] _columns;

    internal NodeAttributes(NodeAttributeColumn[] columns) => _columns = columns;

    /// <summary>The columns in the order they were first set.</summary>
    public IReadOnlyList<NodeAttributeColumn> Columns => _columns;

    /// <summary>Finds a column by its exact name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NodeAttributeColumn? column)
    {
        column = Array.Find(_columns, c => string.Equals(c.Name, name, StringComparison.Ordinal));
        return column is not null;
    }

    internal NodeAttributes Select(ReadOnlySpan<int> keptNodes)
    {
        var columns = new NodeAttributeColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = _columns[i].Select(keptNodes);
        }
        return new NodeAttributes(columns);
    }
}
