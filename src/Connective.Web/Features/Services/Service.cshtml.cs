using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Services;

public sealed class ServiceModel(ServiceReads reads, DirectoryCorrections corrections) : PageModel
{
    public ServicePageView? View { get; private set; }
    public IReadOnlyList<PublicProblemView> Problems { get; private set; } = [];
    public IReadOnlyList<PublicFeedbackView> Comments { get; private set; } = [];
    public IReadOnlyList<ChangeView> History { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? notice, CancellationToken cancellationToken)
    {
        View = await reads.ServiceAsync(id, cancellationToken);
        if (View is null)
        {
            return NotFound();
        }
        Notice = notice switch
        {
            "feedback" => "Thank you: your rating was published without your name.",
            "report" => "Thank you: your report was published and the service must respond by its deadline.",
            "correction" => "Thank you: a moderator will check your correction and publish their decision.",
            _ => null,
        };
        Problems = await reads.ProblemsAsync(id, cancellationToken, take: 20) ?? [];
        Comments = await reads.FeedbackAsync(id, cancellationToken, take: 20) ?? [];
        History = await corrections.HistoryAsync(id, cancellationToken);
        return Page();
    }

    public static string Describe(ScheduleView schedule) =>
        schedule.ByDay is null ? schedule.Description ?? "" : $"{schedule.ByDay.Replace(",", ", ", StringComparison.Ordinal)} {schedule.OpensAt}–{schedule.ClosesAt}";
}
