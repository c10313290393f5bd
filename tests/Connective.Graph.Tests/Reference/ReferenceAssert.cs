using System.Globalization;
using System.Text;

namespace Connective.Graph.Tests.Reference;

/// <summary>
/// Compares per-node engine results with golden values, listing the first mismatches by graph and external node id
/// so that a failure says exactly where the engine and the reference tools part.
/// </summary>
internal static class ReferenceAssert
{
    /// <summary>The default float tolerance: relative 1e-9, with an absolute floor for values that are zero in exact arithmetic.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Below this, two values count as equal whatever their ratio (rounding residue around an exact zero).</summary>
    public const double AbsoluteFloor = 1e-12;

    internal const int MaxListed = 10;

    /// <summary>Integer values must be identical.</summary>
    public static void Integers(GoldenGraph golden, CsrGraph graph, string column, Func<int, long> actual)
    {
        var expected = golden.Column(column);
        var failures = new StringBuilder();
        var count = 0;
        for (var i = 0; i < golden.NodeIds.Length; i++)
        {
            var node = Node(golden, graph, i);
            var want = expected[i] ?? throw new InvalidOperationException($"{golden.Name}: golden {column} is empty for node {golden.NodeIds[i]}.");
            var got = actual(node);
            if (got != (long)want)
            {
                Note(failures, ref count, $"node {golden.NodeIds[i]}: expected {(long)want}, engine {got}");
            }
        }
        Fail(golden, column, failures, count);
    }

    /// <summary>Floating-point values within relative <paramref name="relative"/> (and <paramref name="absolute"/> absolute) tolerance; undefined (NaN) where the reference leaves them empty.</summary>
    public static void Floats(GoldenGraph golden, CsrGraph graph, string column, Func<int, double> actual, double relative = RelativeTolerance, double absolute = AbsoluteFloor)
    {
        var expected = golden.Column(column);
        var failures = new StringBuilder();
        var count = 0;
        for (var i = 0; i < golden.NodeIds.Length; i++)
        {
            var node = Node(golden, graph, i);
            var got = actual(node);
            if (expected[i] is not { } want)
            {
                if (!double.IsNaN(got))
                {
                    Note(failures, ref count, $"node {golden.NodeIds[i]}: expected undefined (NaN), engine {got.ToString("R", CultureInfo.InvariantCulture)}");
                }
                continue;
            }
            var difference = Math.Abs(got - want);
            if (!(difference <= absolute || difference <= relative * Math.Max(Math.Abs(got), Math.Abs(want))))
            {
                Note(failures, ref count, string.Create(CultureInfo.InvariantCulture,
                    $"node {golden.NodeIds[i]}: expected {want:R}, engine {got:R} (difference {difference:E2})"));
            }
        }
        Fail(golden, column, failures, count);
    }

    /// <summary>
    /// Floating-point values on exactly the nodes where the reference defines them: <paramref name="graph"/> holds
    /// those nodes (for example the sub-graph of a largest component) and no node of an undefined row.
    /// </summary>
    public static void FloatsWhereDefined(GoldenGraph golden, CsrGraph graph, string column, Func<int, double> actual, double relative = RelativeTolerance, double absolute = AbsoluteFloor)
    {
        var expected = golden.Column(column);
        var failures = new StringBuilder();
        var count = 0;
        for (var i = 0; i < golden.NodeIds.Length; i++)
        {
            var id = golden.NodeIds[i];
            var present = graph.Labels.TryGetNode(id, out var node);
            if (expected[i] is not { } want)
            {
                Assert.False(present, $"{golden.Name}: node {id} has no golden {column} but is in the engine's graph.");
                continue;
            }
            Assert.True(present, $"{golden.Name}: node {id} has a golden {column} but is not in the engine's graph.");
            var got = actual(node);
            var difference = Math.Abs(got - want);
            if (!(difference <= absolute || difference <= relative * Math.Max(Math.Abs(got), Math.Abs(want))))
            {
                Note(failures, ref count, string.Create(CultureInfo.InvariantCulture,
                    $"node {id}: expected {want:R}, engine {got:R} (difference {difference:E2})"));
            }
        }
        Fail(golden, column, failures, count);
    }

    /// <summary>The engine's dense id for the golden row <paramref name="row"/>.</summary>
    public static int Node(GoldenGraph golden, CsrGraph graph, int row)
    {
        var id = golden.NodeIds[row];
        Assert.True(graph.Labels.TryGetNode(id, out var node), $"{golden.Name}: node {id} is in the golden node set but not in the engine's graph.");
        return node;
    }

    private static void Note(StringBuilder failures, ref int count, string message)
    {
        if (count < MaxListed)
        {
            failures.AppendLine(message);
        }
        count++;
    }

    private static void Fail(GoldenGraph golden, string column, StringBuilder failures, int count)
    {
        if (count > 0)
        {
            Assert.Fail($"{golden.Name}: {column} differs from the reference at {count} of {golden.NodeIds.Length} nodes; first ones:\n{failures}");
        }
    }
}
