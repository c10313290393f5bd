namespace Connective.Graph.Dynamics;

/// <summary>One suggested introduction: a new tie between an isolated person and a supporter, and what it adds.</summary>
/// <param name="Person">The person introduced (the end whose neighbourhood gains support).</param>
/// <param name="Supporter">The supporter they are introduced to.</param>
/// <param name="Gain">How many isolated people newly have a supporter within two steps thanks to this introduction.</param>
/// <param name="NewlyReached">Those isolated people.</param>
public sealed record Introduction(int Person, int Supporter, int Gain, int[] NewlyReached);

/// <summary>The introductions chosen and the coverage before and after.</summary>
/// <param name="Introductions">The introductions, in the order chosen (each one's gain counts only people not reached before it).</param>
/// <param name="IsolatedCount">How many people count as isolated.</param>
/// <param name="ReachedBefore">How many of them had a supporter within two steps before any introduction.</param>
/// <param name="ReachedAfter">How many do after all of them.</param>
public sealed record IntroductionPlan(Introduction[] Introductions, int IsolatedCount, int ReachedBefore, int ReachedAfter);

/// <summary>
/// Reaching the isolated: choose k introductions (new ties) that most increase the number of isolated people with a
/// supporter within two steps (undirected ties).
/// </summary>
/// <remarks>
/// A new tie between person a and supporter s brings support within two steps to a and to every neighbour of a; a tie to
/// someone who is not a supporter reaches at most a, so the best introduction for a always goes to a supporter. The number
/// of isolated people reached by a set of introductions is then a coverage function, and choosing each introduction
/// greedily by its gain is a (1 − 1/e)-approximation of the best k (Nemhauser, Wolsey and Fisher 1978) when supporters can
/// take any number of introductions; with a per-supporter limit the greedy choice is still made, but that bound is not claimed.
/// Among supporters with capacity left, a is introduced to the one nearest in the network (a friend of a friend first), ties to the smaller id.
/// </remarks>
public static class Introductions
{
    /// <summary>Chooses up to <paramref name="k"/> introductions greedily, reporting each one's gain.</summary>
    /// <param name="graph">The network (read as undirected).</param>
    /// <param name="isolated">Per node: true for the people the plan is for.</param>
    /// <param name="supporters">Per node: true for people able to offer support.</param>
    /// <param name="k">The number of introductions.</param>
    /// <param name="capacity">The most introductions any one supporter receives.</param>
    /// <exception cref="ArgumentException">When the masks do not match the graph or k or the capacity is negative.</exception>
    public static IntroductionPlan Choose(CsrGraph graph, bool[] isolated, bool[] supporters, int k, int capacity = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(isolated);
        ArgumentNullException.ThrowIfNull(supporters);
        var n = graph.NodeCount;
        if (isolated.Length != n || supporters.Length != n)
        {
            throw new ArgumentException($"The isolated and supporter masks must have one entry per node ({n}).", nameof(isolated));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var reached = new bool[n];
        // Support within two steps: distance 0, 1 or 2 from a supporter.
        var distance = DistanceToSupport(graph, supporters);
        for (var v = 0; v < n; v++)
        {
            reached[v] = isolated[v] && distance[v] <= 2;
        }
        var before = reached.Count(r => r);
        var isolatedCount = isolated.Count(i => i);
        var used = new int[n];
        var plan = new List<Introduction>();
        var linked = new HashSet<(int, int)>();
        for (var round = 0; round < k; round++)
        {
            var best = -1;
            var bestGain = 0;
            for (var a = 0; a < n; a++)
            {
                if (supporters[a])
                {
                    continue;
                }
                var gain = Gain(graph, isolated, reached, a);
                if (gain > bestGain)
                {
                    best = a;
                    bestGain = gain;
                }
            }
            if (best < 0)
            {
                break;
            }
            var supporter = NearestSupporter(graph, supporters, used, capacity, best, linked);
            if (supporter < 0)
            {
                break;
            }
            used[supporter]++;
            linked.Add((best, supporter));
            var newly = new List<int>();
            if (isolated[best] && !reached[best])
            {
                newly.Add(best);
            }
            foreach (var z in graph.Neighbors(best))
            {
                if (isolated[z] && !reached[z] && !newly.Contains(z))
                {
                    newly.Add(z);
                }
            }
            foreach (var z in graph.InNeighbors(best))
            {
                if (isolated[z] && !reached[z] && !newly.Contains(z))
                {
                    newly.Add(z);
                }
            }
            newly.Sort();
            foreach (var z in newly)
            {
                reached[z] = true;
            }
            plan.Add(new Introduction(best, supporter, newly.Count, [.. newly]));
        }
        return new IntroductionPlan([.. plan], isolatedCount, before, reached.Count(r => r));
    }

    private static int Gain(CsrGraph graph, bool[] isolated, bool[] reached, int a)
    {
        var gain = isolated[a] && !reached[a] ? 1 : 0;
        gain += Unreached(graph.Neighbors(a), isolated, reached, a);
        if (graph.IsDirected)
        {
            gain += Unreached(graph.InNeighbors(a), isolated, reached, a);
        }
        return gain;
    }

    private static int Unreached(ReadOnlySpan<int> row, bool[] isolated, bool[] reached, int a)
    {
        var count = 0;
        var previous = -1;
        foreach (var z in row)
        {
            // Rows are sorted: skip repeated entries and the node itself.
            if (z != previous && z != a && isolated[z] && !reached[z])
            {
                count++;
            }
            previous = z;
        }
        return count;
    }

    private static int[] DistanceToSupport(CsrGraph graph, bool[] supporters)
    {
        var n = graph.NodeCount;
        var distance = new int[n];
        Array.Fill(distance, int.MaxValue);
        var queue = new Queue<int>();
        for (var v = 0; v < n; v++)
        {
            if (supporters[v])
            {
                distance[v] = 0;
                queue.Enqueue(v);
            }
        }
        while (queue.TryDequeue(out var v))
        {
            if (distance[v] >= 2)
            {
                continue;
            }
            Visit(graph.Neighbors(v), distance[v] + 1);
            Visit(graph.InNeighbors(v), distance[v] + 1);
        }
        return distance;

        void Visit(ReadOnlySpan<int> row, int d)
        {
            foreach (var u in row)
            {
                if (distance[u] > d)
                {
                    distance[u] = d;
                    queue.Enqueue(u);
                }
            }
        }
    }

    /// <summary>The supporter with capacity left nearest to <paramref name="a"/> by breadth-first search, ties to the smaller id; any one if none is connected.</summary>
    private static int NearestSupporter(CsrGraph graph, bool[] supporters, int[] used, int capacity, int a, HashSet<(int, int)> linked)
    {
        bool Available(int s) => supporters[s] && used[s] < capacity && s != a && !linked.Contains((a, s)) && !graph.Neighbors(a).Contains(s);
        var n = graph.NodeCount;
        var seen = new bool[n];
        var level = new List<int> { a };
        seen[a] = true;
        while (level.Count > 0)
        {
            var next = new List<int>();
            foreach (var v in level)
            {
                foreach (var u in graph.Neighbors(v))
                {
                    if (!seen[u])
                    {
                        seen[u] = true;
                        next.Add(u);
                    }
                }
                foreach (var u in graph.InNeighbors(v))
                {
                    if (!seen[u])
                    {
                        seen[u] = true;
                        next.Add(u);
                    }
                }
            }
            var candidates = next.Where(Available).ToList();
            if (candidates.Count > 0)
            {
                return candidates.Min();
            }
            level = next;
        }
        for (var s = 0; s < n; s++)
        {
            if (Available(s))
            {
                return s;
            }
        }
        return -1;
    }
}
