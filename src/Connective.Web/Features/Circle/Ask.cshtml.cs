using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle;

/// <summary>A signed-in resident asks for help; the first helpers are asked at once.</summary>
[Authorize]
public sealed class AskModel(CircleTasks tasks, CircleQueries queries, CurrentPerson identity, TimeProvider time) : PageModel
{
    public RequestForm Form { get; private set; } = new();
    public bool HasResidentRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HasResidentRecord = await identity.ResidentIdAsync(User, cancellationToken) is not null;
        Form.TaskTypes = await queries.TaskTypesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? taskTypeId, string? details, HelpUrgency urgency, int daysToDeadline, CancellationToken cancellationToken)
    {
        if (await identity.ResidentIdAsync(User, cancellationToken) is not { } residentId)
        {
            return RedirectToPage();
        }
        HasResidentRecord = true;
        Form = new RequestForm { TaskTypeId = taskTypeId, Details = details, Urgency = urgency, DaysToDeadline = daysToDeadline };
        var input = Form.ToRequest(residentId, time.GetUtcNow().UtcDateTime);
        ModelState.AddErrors(await tasks.ValidateAsync(input, cancellationToken), RequestForm.FieldOf);
        if (!ModelState.IsValid)
        {
            Form.TaskTypes = await queries.TaskTypesAsync(cancellationToken);
            return Page();
        }
        await tasks.CreateAsync(input, identity.AccountId(User)!, byPhone: false, cancellationToken);
        return RedirectToPage("/Circle/Requests", new { notice = "asked" });
    }
}
