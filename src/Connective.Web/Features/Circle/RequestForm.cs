namespace Connective.Web.Features.Circle;

/// <summary>The fields of a help request as a form shows them, shared by "ask for help" and the coordinator's phone form.</summary>
public sealed class RequestForm
{
    public static readonly IReadOnlyList<int> DeadlineChoices = [1, 2, 3, 7, 14];

    public IReadOnlyList<TaskTypeView> TaskTypes { get; set; } = [];
    public int? TaskTypeId { get; set; }
    public string? Details { get; set; }
    public HelpUrgency Urgency { get; set; } = HelpUrgency.Routine;
    public int DaysToDeadline { get; set; } = 3;

    /// <summary>The form's fields in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder = ["TaskTypeId", "Details", "Urgency", "DaysToDeadline"];

    /// <summary>The form's input for a field the service names (the deadline is chosen as a number of days).</summary>
    public static string FieldOf(string serviceField) => serviceField == "DeadlineAt" ? "DaysToDeadline" : serviceField;

    public NewHelpRequest ToRequest(int residentId, DateTime now) =>
        new(residentId, TaskTypeId ?? 0, Details ?? "", PreferredAt: null, Urgency,
            now.AddDays(DeadlineChoices.Contains(DaysToDeadline) ? DaysToDeadline : 0));
}
