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
    public Dictionary<string, string> Errors { get; set; } = [];

    public NewHelpRequest ToRequest(int residentId, DateTime now) =>
        new(residentId, TaskTypeId ?? 0, Details ?? "", PreferredAt: null, Urgency,
            now.AddDays(DeadlineChoices.Contains(DaysToDeadline) ? DaysToDeadline : 0));
}
