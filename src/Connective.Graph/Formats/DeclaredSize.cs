using System.Globalization;

namespace Connective.Graph.Formats;

/// <summary>
/// Refuses a node count declared in a file header (<c># nodes N</c>, Pajek's <c>*Vertices N</c>) that this process
/// could not hold, before anything is allocated for it: a typo or a hostile header must end in a clear error naming
/// the line, not in an <see cref="OutOfMemoryException"/> halfway through a load.
/// </summary>
internal static class DeclaredSize
{
    /// <summary>
    /// The least memory a loaded node costs: its row offset, its rank while ids are made dense and its degree count
    /// while rows are built (4 bytes each), plus its in-row offset on a directed graph. A load measured at 16–21 bytes
    /// a node (20,000,000 declared nodes, one edge), so this is a floor, never an overestimate.
    /// </summary>
    private const long BytesPerNode = 16;

    /// <summary>Throws when <paramref name="nodes"/> nodes cannot be held by this process (or by a .NET array).</summary>
    public static void Check(long nodes, string fileName, long line, string what)
    {
        // Row offsets need nodes + 1 entries in one array.
        var largest = (long)Array.MaxLength - 1;
        if (nodes > largest)
        {
            throw new GraphFormatException(fileName, line,
                string.Create(CultureInfo.InvariantCulture, $"{what} declares {nodes:N0} nodes; a graph holds at most {largest:N0}"));
        }
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var needed = nodes * BytesPerNode;
        if (available > 0 && needed > available)
        {
            throw new GraphFormatException(fileName, line,
                string.Create(CultureInfo.InvariantCulture,
                    $"{what} declares {nodes:N0} nodes, which need at least {Gibibytes(needed)} GiB of memory; this process can use {Gibibytes(available)} GiB"));
        }
    }

    private static string Gibibytes(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
