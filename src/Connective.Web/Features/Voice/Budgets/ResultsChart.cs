using System.Globalization;
using System.Net;
using System.Text;

namespace Connective.Web.Features.Voice.Budgets;

/// <summary>
/// A bar chart of each project's cost, funded projects filled and the rest outlined, drawn on the server as SVG: no
/// script, no inline style (the CSP allows neither), and hidden from screen readers, which read the table beside it.
/// </summary>
public static class ResultsChart
{
    private const int Width = 480;
    private const int BarHeight = 22;
    private const int Gap = 26;
    private const int LabelWidth = 0;

    public static string Svg(IReadOnlyList<ResultRow> rows, long budgetPence)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inv = CultureInfo.InvariantCulture;
        var max = Math.Max(1, Math.Max(budgetPence, rows.Count == 0 ? 1 : rows.Max(row => row.CostPence)));
        var height = rows.Count * (BarHeight + Gap) + 10;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"voice-chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\" data-testid=\"results-chart\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = i * (BarHeight + Gap);
            var width = Math.Max(2, (int)Math.Round((double)row.CostPence / max * (Width - LabelWidth - 2)));
            svg.Append(inv, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"14\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(row.Title)} ({BudgetProcesses.Pounds(row.CostPence)}{(row.Funded ? ", funded" : "")})</text>");
            var fill = row.Funded ? "fill=\"#00703c\"" : "fill=\"#ffffff\" stroke=\"#505a5f\" stroke-width=\"2\"";
            svg.Append(inv, $"<rect x=\"1\" y=\"{y + 18}\" width=\"{width}\" height=\"{BarHeight}\" {fill}/>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
