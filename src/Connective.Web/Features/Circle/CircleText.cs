using System.Globalization;
using Connective.Web.Infrastructure;

namespace Connective.Web.Features.Circle;

/// <summary>Words and tags shared by Circle's pages.</summary>
public static class CircleText
{
    public static TagModel StatusTag(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Open => new("Open", "blue"),
        HelpRequestStatus.Offered => new("Offered to helpers", "light-blue"),
        HelpRequestStatus.Accepted => new("Accepted", "turquoise"),
        HelpRequestStatus.InProgress => new("In progress", "purple"),
        HelpRequestStatus.Done => new("Done", "green"),
        HelpRequestStatus.Cancelled => new("Cancelled", "grey"),
        HelpRequestStatus.Unanswered => new("With a coordinator", "orange"),
        _ => new(status.ToString()),
    };

    public static string Kind(CoordinatorTaskKind kind) => kind switch
    {
        CoordinatorTaskKind.Unanswered => "Unanswered request",
        CoordinatorTaskKind.OverdueCheckOut => "Overdue check-out",
        CoordinatorTaskKind.PhoneRequester => "Call the requester",
        CoordinatorTaskKind.Escalation => "Deadline close",
        _ => kind.ToString(),
    };

    public static string Urgency(HelpUrgency urgency) => urgency switch
    {
        HelpUrgency.Routine => "Not urgent",
        HelpUrgency.Soon => "Soon",
        HelpUrgency.Urgent => "Urgent",
        _ => urgency.ToString(),
    };

    /// <summary>Confirmation banners after a redirect, by a fixed code so no text from the address bar is ever shown.</summary>
    public static string? Notice(string? code) => code switch
    {
        "asked" => "Your request is recorded",
        "phoned" => "The phone request is recorded",
        "cancelled" => "The request has been cancelled",
        "offered" => "Your offer to help is published",
        "accepted" => "You have accepted the task",
        "declined" => "You have declined the task",
        "checked-in" => "You have checked in",
        "checked-out" => "You have checked out",
        "resolved" => "Marked as done",
        "thanked" => "Your thanks have been sent",
        "vetting" => "The check is recorded",
        "suspended" => "The helper is suspended and their tasks withdrawn",
        "reinstated" => "The helper is reinstated",
        _ => null,
    };

    public static string When(DateTime value) => Infrastructure.UkTime.DateAndTime(value);

    public static string Pounds(long pence) => (pence / 100m).ToString("£0.00", CultureInfo.InvariantCulture);

    /// <summary>Parses "12.50" or "£12.50" to pence; null when it is not an amount.</summary>
    public static long? ParsePence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        return decimal.TryParse(text.Trim().TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds) && pounds >= 0 && pounds < 100_000
            ? (long)Math.Round(pounds * 100m)
            : null;
    }
}
