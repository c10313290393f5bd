using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Platform.Proxy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Coordinator;

/// <summary>
/// A coordinator records a request taken on the phone for a resident of a ward they cover (often one with no internet).
/// It goes through <see cref="ProxyContext"/>: only with the resident's consent that a coordinator may act for them, and
/// every attempt is audited with both identities; the request also keeps the coordinator's account id.
/// </summary>
[Authorize(Policy = CirclePolicies.Coordinator)]
public sealed class PhoneRequestModel(CircleTasks tasks, CircleQueries queries, CurrentPerson identity, ProxyContext proxy, ConsentRecords consents,
    RoleScopes scopes, TimeProvider time, AuditLog audit) : PageModel
{
    public string? Name { get; private set; }
    public IReadOnlyList<ResidentMatch> Matches { get; private set; } = [];
    public ResidentMatch? Resident { get; private set; }
    public bool MayActForThem { get; private set; }
    public string? RefusedBecause { get; private set; }
    public RequestForm Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string? name, int? residentId, CancellationToken cancellationToken)
    {
        Name = name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            Matches = await queries.FindResidentsAsync(name, await scopes.WardsHandledAsync(User, cancellationToken), cancellationToken);
            await audit.RecordAsync(User, Platform.Audit.AuditActions.SearchedResidents, subjectResidentId: null, $"Name search, {Matches.Count} found", cancellationToken);
        }
        if (residentId is { } id)
        {
            if (await LoadResidentAsync(id, cancellationToken) is { } refused)
            {
                return refused;
            }
            Form.TaskTypes = await queries.TaskTypesAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int residentId, int? taskTypeId, string? details, HelpUrgency urgency, int daysToDeadline, CancellationToken cancellationToken)
    {
        if (await LoadResidentAsync(residentId, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form = new RequestForm { TaskTypeId = taskTypeId, Details = details, Urgency = urgency, DaysToDeadline = daysToDeadline };
        var input = Form.ToRequest(residentId, time.GetUtcNow().UtcDateTime);
        ModelState.AddErrors(await tasks.ValidateAsync(input, cancellationToken), RequestForm.FieldOf);
        Form.TaskTypes = await queries.TaskTypesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var grant = await proxy.ForAsync(User, residentId, cancellationToken);
        if (!grant.IsGranted)
        {
            RefusedBecause = grant.RefusedBecause;
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }
        var request = await tasks.CreateAsync(input, identity.AccountId(User)!, byPhone: true, cancellationToken);
        await proxy.RecordAsync(User, grant, CircleAuditActions.RecordedPhoneRequest, $"Help request {request.Id} taken by phone", cancellationToken);
        return RedirectToPage("/Circle/Coordinator/Dashboard", new { notice = "phoned" });
    }

    /// <summary>The resident, when they exist and live in a ward the caller covers; otherwise the result to return instead.</summary>
    private async Task<IActionResult?> LoadResidentAsync(int residentId, CancellationToken cancellationToken)
    {
        Resident = await queries.FindResidentsByIdAsync(residentId, cancellationToken);
        if (Resident is null)
        {
            return RedirectToPage("/Circle/Coordinator/PhoneRequest");
        }
        if (!await scopes.MayHandleAsync(User, Resident.WardId, cancellationToken))
        {
            Resident = null;
            return Forbid();
        }
        MayActForThem = await consents.HasAsync(residentId, ProxyContext.Purpose, cancellationToken);
        return null;
    }
}
