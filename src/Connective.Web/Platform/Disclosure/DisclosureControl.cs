using System.Globalization;

namespace Connective.Web.Platform.Disclosure;

/// <summary>
/// A count as published: a rounded value, or suppressed. A suppressed count carries no value at all, so nothing downstream
/// can print the exact figure by mistake.
/// </summary>
public readonly record struct PublishedCount(int? Value)
{
    public static readonly PublishedCount Suppressed = new(null);

    public bool IsSuppressed => Value is null;

    /// <summary>How GOV.UK statistics mark a figure withheld to protect confidentiality.</summary>
    public const string SuppressedMarker = "[c]";

    /// <summary>The figure as a page shows it: thousands separated, or <see cref="SuppressedMarker"/>.</summary>
    public override string ToString() => Value?.ToString("N0", CultureInfo.InvariantCulture) ?? SuppressedMarker;
}

/// <summary>A list of counts that add up to a published total (for example one figure per ward and the borough's).</summary>
public sealed record PublishedColumn(IReadOnlyList<PublishedCount> Cells, PublishedCount Total);

/// <summary>A table as published: each cell, each row's and column's total, and the grand total.</summary>
public sealed record PublishedTable(PublishedCount[,] Cells, PublishedCount[] RowTotals, PublishedCount[] ColumnTotals, PublishedCount GrandTotal);

/// <summary>
/// Small-number disclosure control for every figure that leaves the staff side (public and resident pages, anonymous
/// APIs, open data), in one place, following the NHS/ONS practice:
/// <list type="bullet">
/// <item>counts from 1 to 7 are suppressed (primary suppression); 0 is published as 0, because "nobody" points at nobody;</item>
/// <item>every other count is rounded to the nearest 5;</item>
/// <item>shares are computed from the rounded counts, never the exact ones;</item>
/// <item>in a list or table with published totals, further cells are suppressed (secondary suppression) until no
/// suppressed cell can be worked out from the published cells and totals by any combination of additions and subtractions.</item>
/// </list>
/// Staff pages may show exact figures and do not use it. See docs/disclosure-control.md.
/// </summary>
public static class DisclosureControl
{
    /// <summary>Counts from 1 up to this are never published.</summary>
    public const int LargestSuppressed = 7;

    /// <summary>Published counts are multiples of this.</summary>
    public const int RoundingBase = 5;

    /// <summary>How the API documents a count published through this component (OpenAPI descriptions append it).</summary>
    public const string CountDescription =
        "Published under disclosure control: rounded to the nearest 5; null when suppressed (a count from 1 to 7, or one that would let a suppressed count be worked out from the others and their total); 0 means nobody.";

    /// <summary>How a page shows a published figure: thousands separated, or [c] when suppressed.</summary>
    public static string Format(int? published) => new PublishedCount(published).ToString();

    /// <summary>How a page shows a published share or average: in <paramref name="format"/>, or [c] when withheld.</summary>
    public static string Format(double? published, string format) =>
        published?.ToString(format, CultureInfo.InvariantCulture) ?? PublishedCount.SuppressedMarker;

    /// <summary>
    /// What secondary suppression pays for hiding a zero: hiding zeros protects little (a reader who knows a cell is
    /// structurally empty sees through it), so any non-zero cell is preferred, however large.
    /// </summary>
    private const long ZeroCellCost = 1L << 40;

    /// <summary>One count on its own (no published total it adds up to): 0 stays 0, 1–7 is suppressed, anything else is rounded.</summary>
    public static PublishedCount Count(int exact)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exact);
        return IsSmall(exact) ? PublishedCount.Suppressed : new PublishedCount(Round(exact));
    }

    /// <summary>
    /// A share (0 to 1) of the published counts, never of the exact ones: a share of exact counts beside rounded counts
    /// would give the exact figures away. Null when either count is suppressed or the whole is zero.
    /// </summary>
    public static double? Share(PublishedCount part, PublishedCount whole) =>
        part.Value is { } p && whole.Value is { } w && w > 0 ? (double)p / w : null;

    /// <summary>
    /// An average over a group of people (ties a person, clustering), published only when the size of the group is: an
    /// average over one to seven people describes those people. Null when the group is suppressed or empty.
    /// </summary>
    public static double? Average(double exactAverage, PublishedCount groupSize) =>
        groupSize.Value is > 0 ? exactAverage : null;

    /// <summary>
    /// Counts with the total they add up to. One equation links them, so one suppressed cell could be worked out as the
    /// total minus the others: when exactly one is suppressed, the smallest other non-zero count is suppressed too.
    /// </summary>
    public static PublishedColumn Column(IReadOnlyList<int> exact)
    {
        ArgumentNullException.ThrowIfNull(exact);
        // The total is the line's last entry.
        var line = new int[exact.Count + 1];
        for (var i = 0; i < exact.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(exact[i]);
            line[i] = exact[i];
            line[^1] += exact[i];
        }
        var suppressed = line.Select(IsSmall).ToArray();
        if (suppressed.Count(hidden => hidden) == 1)
        {
            var partner = Enumerable.Range(0, line.Length).Where(i => !suppressed[i])
                .OrderBy(i => CellCost(line[i])).ThenBy(i => i).FirstOrDefault(-1);
            if (partner >= 0)
            {
                suppressed[partner] = true;
            }
        }
        var published = line.Select((value, i) => suppressed[i] ? PublishedCount.Suppressed : new PublishedCount(Round(value))).ToArray();
        return new PublishedColumn(published[..^1], published[^1]);
    }

    /// <summary>
    /// A two-way table with its row, column and grand totals. Primary suppression hides counts of 1–7 (cells and
    /// totals alike); secondary suppression then hides further cells until no suppressed cell is determined by the
    /// published ones (see <see cref="ProtectSuppressedCells"/>).
    /// </summary>
    public static PublishedTable Table(int[,] exact)
    {
        ArgumentNullException.ThrowIfNull(exact);
        var rows = exact.GetLength(0);
        var columns = exact.GetLength(1);
        // The table with its totals as one grid: row `rows` holds the column totals, column `columns` the row totals.
        var grid = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(exact[r, c]);
                grid[r, c] = exact[r, c];
                grid[r, columns] += exact[r, c];
                grid[rows, c] += exact[r, c];
                grid[rows, columns] += exact[r, c];
            }
        }
        var suppressed = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                suppressed[r, c] = IsSmall(grid[r, c]);
            }
        }
        ProtectSuppressedCells(grid, suppressed);

        PublishedCount Publish(int r, int c) => suppressed[r, c] ? PublishedCount.Suppressed : new PublishedCount(Round(grid[r, c]));
        var cells = new PublishedCount[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = Publish(r, c);
            }
        }
        return new PublishedTable(
            cells,
            [.. Enumerable.Range(0, rows).Select(r => Publish(r, columns))],
            [.. Enumerable.Range(0, columns).Select(c => Publish(rows, c))],
            Publish(rows, columns));
    }

    /// <summary>
    /// Secondary suppression for a grid whose last row and column are totals. Every row and every column of the grid is
    /// one linear equation (the cells add up to the total), so the suppressed cells are the edges of a bipartite graph
    /// between row-equations and column-equations, and a suppressed cell's value is determined by the published ones
    /// exactly when its edge lies on no cycle (a bridge: a lone suppressed cell in a row is the simplest case, but two
    /// rings of suppressed cells joined by one cell are another). While some suppressed cell is a bridge, this hides the
    /// three cells that close the cheapest rectangle through it (the hypercube method in two dimensions); cheapest means
    /// the smallest total of newly hidden counts, zeros last. Suppression only grows and each round removes a bridge
    /// without making another, so it ends.
    /// </summary>
    private static void ProtectSuppressedCells(int[,] grid, bool[,] suppressed)
    {
        var rows = grid.GetLength(0);
        var columns = grid.GetLength(1);
        while (FirstDeterminedCell(suppressed) is var (row, column) && row >= 0)
        {
            var best = (Cost: long.MaxValue, Row: -1, Column: -1);
            for (var otherRow = 0; otherRow < rows; otherRow++)
            {
                for (var otherColumn = 0; otherColumn < columns; otherColumn++)
                {
                    if (otherRow == row || otherColumn == column)
                    {
                        continue;
                    }
                    var cost = CostToHide(otherRow, column) + CostToHide(row, otherColumn) + CostToHide(otherRow, otherColumn);
                    if (cost < best.Cost)
                    {
                        best = (cost, otherRow, otherColumn);
                    }
                }
            }
            suppressed[best.Row, column] = true;
            suppressed[row, best.Column] = true;
            suppressed[best.Row, best.Column] = true;
        }

        long CostToHide(int r, int c) => suppressed[r, c] ? 0 : CellCost(grid[r, c]);
    }

    /// <summary>The first suppressed cell (row-major) that is a bridge of the suppressed-cell graph, or (-1, -1).</summary>
    private static (int Row, int Column) FirstDeterminedCell(bool[,] suppressed)
    {
        var rows = suppressed.GetLength(0);
        var columns = suppressed.GetLength(1);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (suppressed[r, c] && !ConnectedWithout(suppressed, r, c))
                {
                    return (r, c);
                }
            }
        }
        return (-1, -1);
    }

    /// <summary>
    /// Whether row-equation <paramref name="row"/> still reaches column-equation <paramref name="column"/> through other
    /// suppressed cells once the cell where they cross is taken out (then the cell lies on a cycle).
    /// </summary>
    private static bool ConnectedWithout(bool[,] suppressed, int row, int column)
    {
        var rows = suppressed.GetLength(0);
        var columns = suppressed.GetLength(1);
        // Nodes 0..rows-1 are row-equations, rows..rows+columns-1 column-equations.
        var seen = new bool[rows + columns];
        var queue = new Queue<int>();
        seen[row] = true;
        queue.Enqueue(row);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < rows)
            {
                for (var c = 0; c < columns; c++)
                {
                    if (suppressed[node, c] && !(node == row && c == column) && !seen[rows + c])
                    {
                        if (c == column)
                        {
                            return true;
                        }
                        seen[rows + c] = true;
                        queue.Enqueue(rows + c);
                    }
                }
            }
            else
            {
                var c = node - rows;
                for (var r = 0; r < rows; r++)
                {
                    if (suppressed[r, c] && !(r == row && c == column) && !seen[r])
                    {
                        seen[r] = true;
                        queue.Enqueue(r);
                    }
                }
            }
        }
        return false;
    }

    private static long CellCost(int value) => value == 0 ? ZeroCellCost : value;

    private static bool IsSmall(int exact) => exact is >= 1 and <= LargestSuppressed;

    /// <summary>To the nearest multiple of 5, halves away from zero (8 → 10, 12 → 10, 13 → 15).</summary>
    private static int Round(int exact) =>
        (int)(Math.Round(exact / (double)RoundingBase, MidpointRounding.AwayFromZero) * RoundingBase);
}
