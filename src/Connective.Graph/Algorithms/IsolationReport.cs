namespace Connective.Graph.Algorithms;

/// <summary>Thresholds for <see cref="Isolation.Report"/>.</summary>
public sealed record IsolationOptions
{
    /// <summary>Components with at least 2 and at most this many nodes are reported as small (isolates are listed apart).</summary>
    public int SmallComponentMaxSize { get; init; } = 5;

    /// <summary>Nodes that reach fewer than this many other nodes within two steps are reported as having low reach.</summary>
    public int MinReachWithinTwoSteps { get; init; } = 5;
}

/// <summary>A node and how many other nodes it reaches within two steps.</summary>
/// <param name="Node">Dense node id.</param>
/// <param name="ReachWithinTwoSteps">Nodes at distance 1 or 2 (out-reach when directed), itself excluded.</param>
public readonly record struct NodeReach(int Node, int ReachWithinTwoSteps);

/// <summary>Who is cut off or nearly so. Node lists are ascending dense ids.</summary>
/// <param name="Isolates">Nodes without any edge.</param>
/// <param name="DegreeOne">Nodes with exactly one neighbour (in either direction, repeats and self-loops aside).</param>
/// <param name="SmallComponents">Weak components of 2..<see cref="IsolationOptions.SmallComponentMaxSize"/> nodes, each ascending, ordered by lowest node.</param>
/// <param name="LowReach">Nodes reaching fewer than <see cref="IsolationOptions.MinReachWithinTwoSteps"/> others within two steps, with that reach.</param>
public sealed record IsolationReport(
    IReadOnlyList<int> Isolates,
    IReadOnlyList<int> DegreeOne,
    IReadOnlyList<IReadOnlyList<int>> SmallComponents,
    IReadOnlyList<NodeReach> LowReach);

/// <summary>Finds the people a network leaves out: isolates, single-tie nodes, small islands and nodes with little reach.</summary>
public static class Isolation
{
    /// <summary>Builds the <see cref="IsolationReport"/> of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    public static IsolationReport Report(CsrGraph graph, IsolationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new IsolationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SmallComponentMaxSize, 1, nameof(options.SmallComponentMaxSize));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinReachWithinTwoSteps, nameof(options.MinReachWithinTwoSteps));
        var rows = UndirectedRows.Of(graph);
        var n = graph.NodeCount;

        var isolates = new List<int>();
        var degreeOne = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var row = rows.Row(v);
            if (row.IsEmpty)
            {
                isolates.Add(v);
            }
            else if (HasExactlyOneNeighbour(row, v))
            {
                degreeOne.Add(v);
            }
        }

        return new IsolationReport(isolates, degreeOne, SmallComponents(rows, options.SmallComponentMaxSize), LowReach(graph, options.MinReachWithinTwoSteps));
    }

    private static bool HasExactlyOneNeighbour(ReadOnlySpan<int> row, int self)
    {
        var other = -1;
        foreach (var u in row)
        {
            if (u == self || u == other)
            {
                continue;
            }
            if (other >= 0)
            {
                return false;
            }
            other = u;
        }
        return other >= 0;
    }

    private static List<IReadOnlyList<int>> SmallComponents(UndirectedRows rows, int maxSize)
    {
        var n = rows.NodeCount;
        var seen = new bool[n];
        var queue = new int[n];
        var result = new List<IReadOnlyList<int>>();
        for (var root = 0; root < n; root++)
        {
            if (seen[root])
            {
                continue;
            }
            seen[root] = true;
            queue[0] = root;
            var tail = 1;
            for (var head = 0; head < tail; head++)
            {
                foreach (var w in rows.Row(queue[head]))
                {
                    if (!seen[w])
                    {
                        seen[w] = true;
                        queue[tail++] = w;
                    }
                }
            }
            if (tail >= 2 && tail <= maxSize)
            {
                var members = queue.AsSpan(0, tail).ToArray();
                Array.Sort(members);
                result.Add(members);
            }
        }
        return result;
    }

    /// <summary>Counts two-step reach only up to the threshold, so hubs cost no more than the threshold.</summary>
    private static List<NodeReach> LowReach(CsrGraph graph, int threshold)
    {
        var n = graph.NodeCount;
        var reach = new int[n];
        Parallel.For(
            0,
            n,
            () => new int[n],
            (v, _, stamp) =>
            {
                // stamp[u] == v + 1 marks u as counted for v; stale stamps from earlier nodes never match.
                var mark = v + 1;
                stamp[v] = mark;
                var count = 0;
                foreach (var u in graph.Neighbors(v))
                {
                    if (stamp[u] != mark)
                    {
                        stamp[u] = mark;
                        count++;
                    }
                }
                foreach (var u in graph.Neighbors(v))
                {
                    if (count >= threshold)
                    {
                        break;
                    }
                    foreach (var w in graph.Neighbors(u))
                    {
                        if (stamp[w] != mark)
                        {
                            stamp[w] = mark;
                            count++;
                        }
                    }
                }
                reach[v] = count;
                return stamp;
            },
            _ => { });
        var result = new List<NodeReach>();
        for (var v = 0; v < n; v++)
        {
            if (reach[v] < threshold)
            {
                result.Add(new NodeReach(v, reach[v]));
            }
        }
        return result;
    }
}
