using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Insight;

/// <summary>
/// One person in the network: reach within one, two and three steps, ties, community and brokerage, and the form that
/// records a life event. Only people who consent and whom the viewer's wards cover; every view is audited.
/// </summary>
[Authorize(Policy = InsightPolicies.Staff)]
public sealed class PersonModel(InsightQueries queries, RoleScopes scopes, InsightAudit audit, InsightLifeEvents lifeEvents, CurrentPerson identity) : PageModel
{
    public PersonReach Person { get; private set; } = null!;
    public InsightBasis Basis { get; private set; } = null!;
    public LifeEventKind? Kind { get; private set; }
    public DateParts OccurredOn { get; private set; } = new();
    public List<ErrorSummaryItem> Errors { get; } = [];
    public bool Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool recorded, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Forbid();
        }
        Recorded = recorded;
        await audit.PersonAsync(User, id, "Insight person page", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLifeEventAsync(int id, LifeEventKind? kind, DateParts occurredOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurredOn);
        var scope = await InsightScope.ForAsync(scopes, User, cancellationToken);
        Kind = kind;
        OccurredOn = occurredOn;
        if (kind is null)
        {
            Errors.Add(new ErrorSummaryItem("kind", "Choose what happened"));
        }
        var date = occurredOn.ToDate();
        if (date is null)
        {
            Errors.Add(new ErrorSummaryItem("occurredOn", "Enter the date it happened as a real date, for example 27 3 2026"));
        }
        if (Errors.Count == 0)
        {
            var refusal = await lifeEvents.RecordAsync(User, identity.AccountId(User)!, scope, new LifeEventBody(id, kind!.Value, DateOnly.FromDateTime(date!.Value)), cancellationToken);
            if (refusal is null)
            {
                return RedirectToPage("/Insight/Person", new { id, recorded = true });
            }
            if (refusal.Field == nameof(LifeEventBody.ResidentId))
            {
                return Forbid();
            }
            Errors.Add(new ErrorSummaryItem(refusal.Field == nameof(LifeEventBody.Kind) ? "kind" : "occurredOn", refusal.Message));
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return Forbid();
        }
        ViewData["HasErrors"] = true;
        await audit.PersonAsync(User, id, "Insight person page", cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await InsightScope.ForAsync(scopes, User, cancellationToken);
        if (await queries.ReachAsync(scope, id, cancellationToken) is not { } reach)
        {
            return false;
        }
        Person = reach;
        Basis = new InsightBasis(reach.Snapshot, new Coverage(1, 1, 0), reach.Name);
        return true;
    }
}
