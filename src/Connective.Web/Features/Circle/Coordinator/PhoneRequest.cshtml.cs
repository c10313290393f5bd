using Connective.Web.Data;
using Connective.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Coordinator;

/// <summary>
/// A coordinator records a request taken on the phone for a resident (often one with no internet). Both identities are
/// kept: the request records the coordinator's account, and the audit log the coordinator acting for the resident.
/// </summary>
[Authorize(Policy = CirclePolicies.Coordinator)]
public sealed class PhoneRequestModel(CircleTasks tasks, CircleQueries queries, CircleIdentity identity, AuditLog audit, TimeProvider time) : PageModel
{
    public string? Name { get; private set; }
    public IReadOnlyList<ResidentMatch> Matches { get; private set; } = [];
    public ResidentMatch? Resident { get; private set; }
    public RequestForm Form { get; private set; } = new();

    public async Task OnGetAsync(string? name, int? residentId, CancellationToken cancellationToken)
    {
        Name = name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            Matches = await queries.FindResidentsAsync(name, cancellationToken);
        }
        if (residentId is { } id)
        {
            Resident = (await queries.FindResidentsByIdAsync(id, cancellationToken));
            Form.TaskTypes = await queries.TaskTypesAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(int residentId, int? taskTypeId, string? details, HelpUrgency urgency, int daysToDeadline, CancellationToken cancellationToken)
    {
        Resident = await queries.FindResidentsByIdAsync(residentId, cancellationToken);
        if (Resident is null)
        {
            return Redirect("/circle/coordinator/phone-request");
        }
        Form = new RequestForm { TaskTypeId = taskTypeId, Details = details, Urgency = urgency, DaysToDeadline = daysToDeadline };
        var input = Form.ToRequest(residentId, time.GetUtcNow().UtcDateTime);
        Form.Errors = await tasks.ValidateAsync(input, cancellationToken);
        if (Form.Errors.Count > 0)
        {
            Form.TaskTypes = await queries.TaskTypesAsync(cancellationToken);
            return Page();
        }
        var request = await tasks.CreateAsync(input, identity.AccountId(User)!, byPhone: true, cancellationToken);
        await audit.RecordAsync(User, CircleAuditActions.RecordedPhoneRequest, residentId, $"Help request {request.Id} taken by phone", cancellationToken);
        return Redirect("/circle/coordinator?notice=phoned");
    }
}
