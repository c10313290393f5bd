using Connective.Web.Platform.Access;
using Connective.Web.Platform.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Admin;

/// <summary>Admins see the scheduled jobs: which instance runs each, when it last ran and how, when it runs next.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class JobsModel(JobLeases leases, TimeProvider time) : PageModel
{
    public IReadOnlyList<JobLease> Jobs { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Jobs = await leases.AllAsync(cancellationToken);
    }

    /// <summary>What the job is doing now, in words.</summary>
    public string State(JobLease job) =>
        job.LeasedUntil > Now ? $"Running on {job.Holder}"
        : job.LastFailedAt is { } failed && failed > (job.LastSucceededAt ?? DateTime.MinValue) ? "Last run failed"
        : "Waiting for its next run";
}
