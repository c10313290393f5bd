using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connective.Web.Infrastructure;

// Models for the GOV.UK component partials in Features/Shared (_Govuk*.cshtml). Every feature renders
// these components through the partials so the markup, and its accessibility, lives in one place.

/// <summary>One error in an error summary: the message and the id of the field it links to.</summary>
public sealed record ErrorSummaryItem(string FieldId, string Message);

/// <summary>The error summary shown at the top of a form that failed validation.</summary>
public sealed record ErrorSummaryModel(IReadOnlyList<ErrorSummaryItem> Errors, string Title = "There is a problem")
{
    /// <summary>
    /// The model state's errors for the GOV.UK error summary, in the order the fields appear on the page when
    /// <paramref name="fieldOrder"/> names them (others follow in the order they were found), each linking to its input:
    /// the id tag helpers give the key, or the one <paramref name="fieldIds"/> names (a group's first checkbox).
    /// </summary>
    public static ErrorSummaryModel FromModelState(ModelStateDictionary modelState, IReadOnlyList<string>? fieldOrder = null, IReadOnlyDictionary<string, string>? fieldIds = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var errors = modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select((entry, found) => (entry, found, position: Position(fieldOrder, entry.Key)))
            .OrderBy(item => item.position).ThenBy(item => item.found)
            .SelectMany(item => item.entry.Value!.Errors.Select(error =>
                new ErrorSummaryItem(fieldIds?.GetValueOrDefault(item.entry.Key) ?? FieldId(item.entry.Key), error.ErrorMessage)))
            .ToList();
        return new ErrorSummaryModel(errors);
    }

    private static int Position(IReadOnlyList<string>? fieldOrder, string key)
    {
        for (var i = 0; fieldOrder is not null && i < fieldOrder.Count; i++)
        {
            if (string.Equals(fieldOrder[i], key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    /// <summary>The id ASP.NET Core's tag helpers give the input bound to a model-state key.</summary>
    public static string FieldId(string modelStateKey)
    {
        ArgumentNullException.ThrowIfNull(modelStateKey);
        return modelStateKey.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    }
}

/// <summary>A text input with its label, hint and error message.</summary>
public sealed record TextInputModel(string Id, string Name, string Label, string? Value = null)
{
    public string? Hint { get; init; }
    public string? ErrorMessage { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? WidthClass { get; init; }
    public bool LabelIsPageHeading { get; init; }
}

/// <summary>A confirmation panel, shown when a transaction is complete.</summary>
public sealed record PanelModel(string Title, string? Body = null);

/// <summary>One row of a summary list, with an optional change link.</summary>
public sealed record SummaryListRow(string Key, string Value, string? ActionHref = null, string? ActionText = null);

/// <summary>A summary list: key-value pairs about one thing.</summary>
public sealed record SummaryListModel(IReadOnlyList<SummaryListRow> Rows);

/// <summary>A table; numeric columns are right-aligned as the Design System asks.</summary>
public sealed record TableModel(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();
    public bool FirstCellIsHeader { get; init; }
    public bool CaptionIsVisuallyHidden { get; init; }
}

/// <summary>Inset text: a short piece of content set apart from the text around it.</summary>
public sealed record InsetTextModel(string Text);

/// <summary>A tag showing a status; Colour is one of the Design System's tag colours or null for the default.</summary>
public sealed record TagModel(string Text, string? Colour = null);

/// <summary>A notification banner; a success banner is for the outcome of something the user just did.</summary>
public sealed record NotificationBannerModel(string Heading, string? Body = null, bool IsSuccess = false)
{
    public string Title => IsSuccess ? "Success" : "Important";
}

/// <summary>Warning text: something the user must not miss.</summary>
public sealed record WarningTextModel(string Text);

/// <summary>
/// What a person typed into a GOV.UK date input: day, month and year as three boxes (never an ISO date in a text box).
/// Bound from "Name.Day", "Name.Month" and "Name.Year".
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateTime? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }
        : new DateParts();

    /// <summary>The date as a UTC midnight, or null when a part is missing, not a number, or the date does not exist (31 February).</summary>
    public DateTime? ToDate()
    {
        static int? Number(string? text) =>
            int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        return Number(Day) is { } day && Number(Month) is { } month && Number(Year) is { } year
               && year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc)
            : null;
    }
}

/// <summary>A GOV.UK date input: a fieldset with day, month and year boxes; <c>Id</c> is the day box's id (what an error summary links to).</summary>
public sealed record DateInputModel(string Id, string Name, string Legend, DateParts? Value)
{
    public string? Hint { get; init; }
    public string? ErrorMessage { get; init; }
}
