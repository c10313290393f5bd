using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Connective.Web.Features.Services;

/// <summary>
/// A bar chart drawn on the server as SVG: no script, so it passes the CSP, and readable without one. It is a picture
/// of the table beside it (the page always prints that table), so it is labelled as an image with a title and a
/// description, and a withheld value ([c]) is drawn as no bar with its marker.
/// </summary>
public static class SvgChart
{
    private const int Width = 640, Height = 240, Left = 40, Bottom = 40, Top = 16;

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<double?> values, double? scaleMax = null, string format = "0.#")
    {
        var max = scaleMax ?? Math.Max(1, values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var plotHeight = Height - Bottom - Top;
        var slot = (Width - Left) / (double)Math.Max(1, values.Count);
        var svg = new StringBuilder();
        var f = CultureInfo.InvariantCulture;
        svg.Append(f, $"<svg class=\"services-chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(f, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(f, $"<desc id=\"{id}-desc\">A bar chart of the figures in the table beside it: {Encode(string.Join("; ", labels.Select((l, i) => $"{l}: {Text(values[i], format)}")))}.</desc>");
        svg.Append(f, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width}\" y2=\"{Top + plotHeight}\" stroke=\"#505a5f\" />");
        svg.Append(f, $"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{Encode(max.ToString(format, f))}</text>");
        svg.Append(f, $"<text x=\"{Left - 4}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" font-size=\"11\">0</text>");
        for (var i = 0; i < values.Count; i++)
        {
            var x = Left + i * slot;
            var centre = x + slot / 2;
            if (values[i] is { } value)
            {
                var h = plotHeight * Math.Clamp(value / max, 0, 1);
                svg.Append(f, $"<rect x=\"{x + slot * 0.15:0.##}\" y=\"{Top + plotHeight - h:0.##}\" width=\"{slot * 0.7:0.##}\" height=\"{h:0.##}\" fill=\"#1d70b8\" data-value=\"{value.ToString(format, f)}\" />");
            }
            else
            {
                svg.Append(f, $"<text x=\"{centre:0.##}\" y=\"{Top + plotHeight - 4}\" text-anchor=\"middle\" font-size=\"11\">[c]</text>");
            }
            svg.Append(f, $"<text x=\"{centre:0.##}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{Encode(labels[i])}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    public static string Text(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "[c]";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
