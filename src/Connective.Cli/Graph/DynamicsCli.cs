using System.Diagnostics;
using System.Globalization;
using Connective.Graph;

namespace Connective.Cli.Graph;

/// <summary>What the dynamics commands share: node lists, node tables of attributes, and progress with time left.</summary>
internal static class DynamicsCli
{
    /// <summary>Node ids from comma- or space-separated tokens; an unknown id is bad input naming the option.</summary>
    public static int[] Nodes(CsrGraph graph, string[]? tokens, string option)
    {
        var nodes = new List<int>();
        foreach (var id in (tokens ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!graph.Labels.TryGetNode(id, out var node))
            {
                throw new ArgumentException($"Node '{id}' (from {option}) is not in the graph.");
            }
            nodes.Add(node);
        }
        return [.. nodes];
    }

    /// <summary>
    /// Reads a node table: a CSV file with a header whose first column is the node id; returns each column's values per
    /// node (null where the table has no row for the node). Unknown nodes and short rows are errors naming file and line.
    /// </summary>
    public static Dictionary<string, string?[]> ReadNodeTable(CsrGraph graph, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"File not found: {path}");
        }
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new ArgumentException($"{path}: the file is empty; expected a header line such as 'node,trait'.");
        var names = SplitCsv(header);
        var columns = names.Skip(1).ToDictionary(name => name, _ => new string?[graph.NodeCount], StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = SplitCsv(line);
            if (fields.Count != names.Count)
            {
                throw new ArgumentException($"{path}, line {lineNumber}: {fields.Count} fields where the header has {names.Count}.");
            }
            if (!graph.Labels.TryGetNode(fields[0], out var node))
            {
                throw new ArgumentException($"{path}, line {lineNumber}: node '{fields[0]}' is not in the graph.");
            }
            for (var c = 1; c < names.Count; c++)
            {
                columns[names[c]][node] = fields[c];
            }
        }
        return columns;
    }

    /// <summary>A yes/no column: 1/0, true/false, yes/no (any case); a missing row or another value is bad input.</summary>
    public static bool[] Flags(Dictionary<string, string?[]> table, string column, string path)
    {
        var values = Column(table, column, path);
        var flags = new bool[values.Length];
        for (var v = 0; v < values.Length; v++)
        {
            flags[v] = values[v]?.Trim().ToLowerInvariant() switch
            {
                "1" or "true" or "yes" => true,
                "0" or "false" or "no" => false,
                null => throw new ArgumentException($"{path}: node {v} has no row, so no value for '{column}'."),
                var other => throw new ArgumentException($"{path}: column '{column}' has '{other}' for a node; expected 1/0, true/false or yes/no."),
            };
        }
        return flags;
    }

    /// <summary>One stratum per node from the combination of the given columns (ward × age band × household type …).</summary>
    public static int[] Strata(Dictionary<string, string?[]> table, IEnumerable<string> columns, string path)
    {
        var chosen = columns.Select(c => Column(table, c, path)).ToArray();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = chosen.Length == 0 ? 0 : chosen[0].Length;
        var strata = new int[n];
        for (var v = 0; v < n; v++)
        {
            var key = string.Join('\u001f', chosen.Select(c => c[v] ?? throw new ArgumentException($"{path}: node {v} has no row for the strata.")));
            if (!codes.TryGetValue(key, out var code))
            {
                codes[key] = code = codes.Count;
            }
            strata[v] = code;
        }
        return strata;
    }

    private static string?[] Column(Dictionary<string, string?[]> table, string column, string path) =>
        table.TryGetValue(column, out var values)
            ? values
            : throw new ArgumentException($"{path} has no column '{column}' (it has: {string.Join(", ", table.Keys)}).");

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }

    public static string F(double value) => double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "";
}

/// <summary>Reports "done of total" with an estimate of the time left on stderr, at most every two seconds.</summary>
internal sealed class TimeLeft(bool quiet, string what, int total) : IProgress<int>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private double _lastReport;

    public void Report(int value)
    {
        if (quiet)
        {
            return;
        }
        lock (_gate)
        {
            var elapsed = _clock.Elapsed.TotalSeconds;
            if (elapsed - _lastReport < 2 && value < total)
            {
                return;
            }
            _lastReport = elapsed;
            var left = value == 0 ? double.NaN : elapsed / value * (total - value);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"         {what}: {value:N0} of {total:N0} done, about {(double.IsFinite(left) ? left.ToString("F0", CultureInfo.InvariantCulture) : "?")} s left"));
        }
    }
}
