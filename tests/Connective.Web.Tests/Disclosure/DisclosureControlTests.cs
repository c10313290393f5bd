using System.Numerics;
using Connective.Web.Platform.Disclosure;
using FsCheck.Xunit;

namespace Connective.Web.Tests.Disclosure;

public sealed class DisclosureControlTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(1_234, 1_235)]
    public void Counts_of_zero_or_more_than_seven_are_rounded_to_the_nearest_five(int exact, int published)
    {
        Assert.Equal(published, DisclosureControl.Count(exact).Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Counts_from_one_to_seven_are_suppressed(int exact)
    {
        Assert.True(DisclosureControl.Count(exact).IsSuppressed);
        Assert.Equal("[c]", DisclosureControl.Count(exact).ToString());
    }

    [Fact]
    public void A_negative_count_is_a_programming_error_named_as_such()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureControl.Count(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureControl.Table(new[,] { { 10, -1 } }));
    }

    [Fact]
    public void Shares_are_computed_from_rounded_counts_and_never_from_a_suppressed_one()
    {
        // 12 of 23 exactly is 0.52; published it is 10 of 25, and the share must say 0.4 so that it gives nothing away.
        Assert.Equal(0.4, DisclosureControl.Share(DisclosureControl.Count(12), DisclosureControl.Count(23)));
        Assert.Null(DisclosureControl.Share(DisclosureControl.Count(5), DisclosureControl.Count(23)));
        Assert.Null(DisclosureControl.Share(DisclosureControl.Count(23), DisclosureControl.Count(5)));
        Assert.Null(DisclosureControl.Share(DisclosureControl.Count(0), DisclosureControl.Count(0)));
        Assert.Equal(0.0, DisclosureControl.Share(DisclosureControl.Count(0), DisclosureControl.Count(40)));
    }

    [Fact]
    public void Averages_are_published_only_over_a_group_whose_size_is_published()
    {
        Assert.Equal(2.5, DisclosureControl.Average(2.5, DisclosureControl.Count(40)));
        Assert.Null(DisclosureControl.Average(2.5, DisclosureControl.Count(3)));
        Assert.Null(DisclosureControl.Average(0, DisclosureControl.Count(0)));
    }

    [Fact]
    public void A_column_with_one_small_count_hides_the_smallest_other_non_zero_count_too()
    {
        // 100 - 40 - 0 - 50 would give the 5 away; hiding the 0 would not help, so the 40 goes.
        var column = DisclosureControl.Column([40, 5, 0, 50]);

        Assert.Equal([null, null, 0, 50], column.Cells.Select(cell => cell.Value));
        Assert.Equal(95, column.Total.Value);
    }

    [Fact]
    public void A_column_with_two_small_counts_or_none_needs_no_more_suppression()
    {
        Assert.Equal([null, null, 50], DisclosureControl.Column([3, 4, 50]).Cells.Select(cell => cell.Value));
        Assert.Equal([10, 0, 50], DisclosureControl.Column([9, 0, 50]).Cells.Select(cell => cell.Value));
        Assert.Equal([], DisclosureControl.Column([]).Cells);
        Assert.Equal(0, DisclosureControl.Column([]).Total.Value);
    }

    [Fact]
    public void A_column_whose_total_is_small_hides_the_total_and_its_parts()
    {
        var column = DisclosureControl.Column([0, 6, 0]);

        Assert.True(column.Total.IsSuppressed);
        Assert.Equal([0, null, 0], column.Cells.Select(cell => cell.Value));
    }

    [Fact]
    public void A_lone_suppressed_cell_takes_partners_in_its_row_and_column()
    {
        var exact = new[,] { { 3, 20, 15 }, { 30, 25, 40 } };

        var table = DisclosureControl.Table(exact);

        Assert.True(table.Cells[0, 0].IsSuppressed);
        Assert.Empty(DeterminedSuppressedFigures(table));
        Assert.Equal(135, table.GrandTotal.Value);
    }

    [Fact]
    public void Two_rings_of_suppressed_cells_joined_by_one_cell_do_not_protect_that_cell()
    {
        // Every row and column has two or more small cells, so "no line with one suppressed cell" is met, yet the cell
        // at (1, 2) joins two rings and is the only link between them: adding rows 0-1 and subtracting columns 0-1
        // leaves it alone with published totals. Secondary suppression has to put it on a ring of its own.
        var exact = new[,]
        {
            { 2, 3, 50, 60, 70 },
            { 4, 5, 6, 80, 90 },
            { 40, 50, 7, 1, 30 },
            { 60, 70, 2, 3, 40 },
            { 80, 90, 100, 110, 120 },
        };

        var table = DisclosureControl.Table(exact);

        Assert.True(table.Cells[1, 2].IsSuppressed);
        Assert.Empty(DeterminedSuppressedFigures(table));
    }

    [Fact]
    public void A_table_of_one_small_cell_suppresses_it_with_all_its_totals()
    {
        var table = DisclosureControl.Table(new[,] { { 4 } });

        Assert.True(table.Cells[0, 0].IsSuppressed && table.RowTotals[0].IsSuppressed && table.ColumnTotals[0].IsSuppressed && table.GrandTotal.IsSuppressed);
    }

    [Fact]
    public void Zeros_are_published_as_zeros_and_tables_without_small_counts_are_only_rounded()
    {
        var table = DisclosureControl.Table(new[,] { { 0, 12 }, { 23, 0 } });

        Assert.Equal(0, table.Cells[0, 0].Value);
        Assert.Equal(10, table.Cells[0, 1].Value);
        Assert.Equal(25, table.Cells[1, 0].Value);
        Assert.Equal(35, table.GrandTotal.Value);
    }

    /// <summary>
    /// Over random tables: nothing published is a count from 1 to 7, every published count is the exact one rounded to
    /// the nearest 5, and no suppressed cell or total is determined by the published cells and totals (checked by exact
    /// linear algebra, not by the rule the component follows).
    /// </summary>
    [Property(MaxTest = 500)]
    public void No_published_count_is_small_and_no_suppressed_cell_is_recoverable(int[] values, byte rowSeed, byte columnSeed)
    {
        ArgumentNullException.ThrowIfNull(values);
        var exact = TableOf(values, 1 + (rowSeed % 6), 1 + (columnSeed % 6));

        AssertProtected(exact, DisclosureControl.Table(exact));
    }

    [Property(MaxTest = 500)]
    public void No_published_count_in_a_column_is_small_and_no_suppressed_one_is_recoverable(int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var exact = values.Select(Magnitude).ToList();

        var column = DisclosureControl.Column(exact);

        var figures = exact.Zip(column.Cells).Append((exact.Sum(), column.Total)).ToList();
        foreach (var (value, published) in figures)
        {
            AssertPublishedFaithfully(value, published);
        }
        Assert.NotEqual(1, figures.Count(figure => figure.Item2.IsSuppressed));
    }

    /// <summary>Larger tables than the property explores, the size of wards by categories, from a fixed seed.</summary>
    [Fact]
    public void Ward_sized_tables_from_a_fixed_seed_are_protected()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 150; i++)
        {
            var exact = new int[random.Next(1, 25), random.Next(1, 9)];
            for (var r = 0; r < exact.GetLength(0); r++)
            {
                for (var c = 0; c < exact.GetLength(1); c++)
                {
                    exact[r, c] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 8), 2 => random.Next(8, 40), _ => random.Next(0, 400) };
                }
            }

            AssertProtected(exact, DisclosureControl.Table(exact));
        }
    }

    private static int Magnitude(int value)
    {
        // Mostly 0 to 11, where suppression matters, and now and then a larger count.
        var magnitude = Math.Abs(value % 1_000);
        return magnitude % 3 == 0 ? magnitude : magnitude % 12;
    }

    private static int[,] TableOf(int[] values, int rows, int columns)
    {
        var exact = new int[rows, columns];
        for (var i = 0; i < rows * columns && values.Length > 0; i++)
        {
            exact[i / columns, i % columns] = Magnitude(values[i % values.Length] + (i / values.Length * 7));
        }
        return exact;
    }

    private static void AssertProtected(int[,] exact, PublishedTable table)
    {
        var rows = exact.GetLength(0);
        var columns = exact.GetLength(1);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                AssertPublishedFaithfully(exact[r, c], table.Cells[r, c]);
            }
            AssertPublishedFaithfully(Enumerable.Range(0, columns).Sum(c => exact[r, c]), table.RowTotals[r]);
        }
        for (var c = 0; c < columns; c++)
        {
            AssertPublishedFaithfully(Enumerable.Range(0, rows).Sum(r => exact[r, c]), table.ColumnTotals[c]);
        }
        AssertPublishedFaithfully(exact.Cast<int>().Sum(), table.GrandTotal);
        var determined = DeterminedSuppressedFigures(table);
        Assert.True(determined.Count == 0, $"Determined by the published figures: {string.Join(", ", determined)}.");
    }

    private static void AssertPublishedFaithfully(int exact, PublishedCount published)
    {
        if (exact is >= 1 and <= DisclosureControl.LargestSuppressed)
        {
            Assert.True(published.IsSuppressed, $"{exact} was published as {published}.");
        }
        if (published.Value is { } shown)
        {
            Assert.False(shown is >= 1 and <= DisclosureControl.LargestSuppressed, $"Published {shown}.");
            Assert.Equal(0, shown % DisclosureControl.RoundingBase);
            Assert.InRange(shown - exact, -2, 2);
        }
    }

    /// <summary>
    /// The suppressed figures a reader could work out from the published ones, assuming the reader knew the exact value
    /// behind every published (rounded) figure. The unknowns are the suppressed cells and totals; the equations are each
    /// row adding up to its total, each column to its total, and both lists of totals to the grand total. An unknown is
    /// determined exactly when its unit vector lies in the span of the equations' rows (rank does not grow when it is added).
    /// </summary>
    private static List<string> DeterminedSuppressedFigures(PublishedTable table)
    {
        var rows = table.RowTotals.Length;
        var columns = table.ColumnTotals.Length;
        var figures = new List<(string Name, PublishedCount Count)>();
        var cellIndex = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cellIndex[r, c] = figures.Count;
                figures.Add(($"cell ({r}, {c})", table.Cells[r, c]));
            }
        }
        var rowTotal = Enumerable.Range(0, rows).Select(r => { figures.Add(($"row total {r}", table.RowTotals[r])); return figures.Count - 1; }).ToArray();
        var columnTotal = Enumerable.Range(0, columns).Select(c => { figures.Add(($"column total {c}", table.ColumnTotals[c])); return figures.Count - 1; }).ToArray();
        figures.Add(("grand total", table.GrandTotal));
        var grand = figures.Count - 1;

        // Each equation as (figure, coefficient) pairs summing to zero.
        var equations = new List<List<(int Figure, int Coefficient)>>();
        for (var r = 0; r < rows; r++)
        {
            equations.Add([.. Enumerable.Range(0, columns).Select(c => (cellIndex[r, c], 1)), (rowTotal[r], -1)]);
        }
        for (var c = 0; c < columns; c++)
        {
            equations.Add([.. Enumerable.Range(0, rows).Select(r => (cellIndex[r, c], 1)), (columnTotal[c], -1)]);
        }
        equations.Add([.. rowTotal.Select(figure => (figure, 1)), (grand, -1)]);
        equations.Add([.. columnTotal.Select(figure => (figure, 1)), (grand, -1)]);

        var unknowns = Enumerable.Range(0, figures.Count).Where(i => figures[i].Count.IsSuppressed).ToList();
        var matrix = equations.Select(equation =>
        {
            var row = new BigInteger[unknowns.Count];
            foreach (var (figure, coefficient) in equation)
            {
                var column = unknowns.IndexOf(figure);
                if (column >= 0)
                {
                    row[column] += coefficient;
                }
            }
            return row;
        }).ToList();
        var rank = Rank(matrix);
        return [.. unknowns.Where((_, j) =>
        {
            var unit = new BigInteger[unknowns.Count];
            unit[j] = 1;
            return Rank([.. matrix, unit]) == rank;
        }).Select(figure => figures[figure].Name)];
    }

    /// <summary>Exact rank by fraction-free Gaussian elimination, keeping entries small by dividing out each row's gcd.</summary>
    private static int Rank(List<BigInteger[]> matrix)
    {
        var rows = matrix.Select(row => (BigInteger[])row.Clone()).ToList();
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        var rank = 0;
        for (var column = 0; column < columns && rank < rows.Count; column++)
        {
            var pivot = rows.FindIndex(rank, row => !row[column].IsZero);
            if (pivot < 0)
            {
                continue;
            }
            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            for (var i = rank + 1; i < rows.Count; i++)
            {
                if (rows[i][column].IsZero)
                {
                    continue;
                }
                var factor = rows[i][column];
                var lead = rows[rank][column];
                var reduced = rows[i].Select((value, k) => (value * lead) - (rows[rank][k] * factor)).ToArray();
                var gcd = reduced.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
                rows[i] = gcd.IsZero || gcd.IsOne ? reduced : [.. reduced.Select(value => value / gcd)];
            }
            rank++;
        }
        return rank;
    }
}
