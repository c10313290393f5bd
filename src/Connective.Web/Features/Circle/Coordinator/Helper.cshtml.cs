using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle.Coordinator;

/// <summary>The vetting form as typed: dates as text (day, month and year), so a bad date is shown back with a clear error.</summary>
public sealed class VettingForm
{
    public CheckScheme? Scheme { get; set; }
    public CheckLevel? Level { get; set; }
    public string? CertificateNumber { get; set; }
    public DateParts IssuedOn { get; set; } = new();
    public bool BarredListChecked { get; set; }
    public bool UpdateServiceSubscribed { get; set; }
    public DateParts LastStatusCheckOn { get; set; } = new();
    public DateParts RecheckDueOn { get; set; } = new();
    /// <summary>Shown back on the page; bound from the ticked boxes by the handler (an array), not by the form model.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<HelperTraining> Training { get; set; } = [];
}

/// <summary>
/// One helper in a ward the coordinator covers: their check (record or update it; no conviction details), and suspension
/// (with a reason; withdraws every task offered to or accepted by them) or reinstatement. Every view and change is audited.
/// </summary>
[Authorize(Policy = CirclePolicies.Coordinator)]
public sealed class HelperModel(CircleQueries queries, CircleHelpers helpers, CircleTasks tasks, CurrentPerson identity, RoleScopes scopes, AuditLog audit,
    Microsoft.Extensions.Options.IOptions<CircleOptions> options) : PageModel
{
    public HelperVettingView Helper { get; private set; } = null!;
    public VettingForm Form { get; private set; } = new();

    /// <summary>The vetting form's fields in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
        ["Scheme", "Level", "CertificateNumber", "IssuedOn", "BarredListChecked", "UpdateServiceSubscribed", "LastStatusCheckOn", "RecheckDueOn", "reason", "confirm"];
    public string? Notice { get; private set; }
    public string? SuspendReason { get; private set; }
    public int RecheckAfterYears => options.Value.RecheckAfterYears;

    public async Task<IActionResult> OnGetAsync(int id, string? notice, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Notice = CircleText.Notice(notice);
        await audit.RecordAsync(User, CircleAuditActions.ViewedHelper, id, reason: null, cancellationToken);
        Form = FormFromRecord();
        return Page();
    }

    private VettingForm FormFromRecord() =>
        new()
        {
            Scheme = Helper.Scheme,
            Level = Helper.Level,
            CertificateNumber = Helper.CertificateNumber,
            IssuedOn = DateParts.From(Helper.IssuedOn),
            BarredListChecked = Helper.BarredListChecked ?? false,
            UpdateServiceSubscribed = Helper.UpdateServiceSubscribed ?? false,
            LastStatusCheckOn = DateParts.From(Helper.LastStatusCheckOn),
            // Blank, not the old date: recording a new check with the old re-check date kept would carry it over unseen.
            // Blank means the policy's date, counted from the new issue date; the current one is shown beside the field.
            RecheckDueOn = new(),
            Training = [.. Enum.GetValues<HelperTraining>().Where(t => t != HelperTraining.None && Helper.Training.HasFlag(t))],
        };

    public async Task<IActionResult> OnPostVettingAsync(int id, VettingForm form, HelperTraining[] training, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(training);
        // The ticked boxes bind to an array; the form keeps them to show the page again.
        form.Training = training;
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form = form;
        // The page words every problem itself (GOV.UK wording, one per field): binding's generic messages are dropped.
        ModelState.Clear();
        if (form.Scheme is not { } scheme || !Enum.IsDefined(scheme))
        {
            ModelState.AddModelError("Scheme", "Select the scheme the check was made under");
        }
        if (form.Level is not { } level || !Enum.IsDefined(level))
        {
            ModelState.AddModelError("Level", "Select the level of the check");
        }
        var issued = ParseDate(form.IssuedOn, "IssuedOn", "Enter the date the certificate was issued, for example 27 3 2025", required: true);
        var lastCheck = ParseDate(form.LastStatusCheckOn, "LastStatusCheckOn", "Enter the date of the last status check, for example 15 1 2026, or leave it blank", required: false);
        var recheck = ParseDate(form.RecheckDueOn, "RecheckDueOn", "Enter the re-check date, for example 27 3 2028, or leave it blank", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var trained = training.Where(Enum.IsDefined).Aggregate(HelperTraining.None, (all, one) => all | one);
        var input = new VettingInput(form.Scheme!.Value, form.Level!.Value, form.CertificateNumber ?? "", issued!.Value,
            form.BarredListChecked, form.UpdateServiceSubscribed, lastCheck, recheck, trained);
        ModelState.AddErrors(helpers.Validate(input));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await helpers.RecordVettingAsync(id, input, identity.AccountId(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("Scheme", outcome.Message);
            return Page();
        }
        await audit.RecordAsync(User, CircleAuditActions.RecordedVetting, id, outcome.Message, cancellationToken);
        return RedirectToPage("/Circle/Coordinator/Helper", new { id, notice = "vetting" });
    }

    public const string ConfirmSuspensionMessage = "Tick the box to confirm that you want to suspend them";

    public async Task<IActionResult> OnPostSuspendAsync(int id, string? reason, bool confirm, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        // Suspension withdraws every task at once: it asks for a recent sign-in and an explicit confirmation.
        if (Platform.Access.RecentSignIn.ConfirmFirst(this) is { } confirmFirst)
        {
            return confirmFirst;
        }
        SuspendReason = reason;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            ModelState.AddModelError("reason", "Give the reason for suspending the helper, in up to 500 characters");
        }
        if (!confirm)
        {
            ModelState.AddModelError("confirm", ConfirmSuspensionMessage);
        }
        if (!ModelState.IsValid)
        {
            Form = FormFromRecord();
            return Page();
        }
        var outcome = await tasks.SuspendHelperAsync(id, reason!.Trim(), cancellationToken);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(User, CircleAuditActions.SuspendedHelper, id, reason.Trim(), cancellationToken);
        }
        return RedirectToPage("/Circle/Coordinator/Helper", new { id, notice = "suspended" });
    }

    public async Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var outcome = await tasks.ReinstateHelperAsync(id, cancellationToken);
        if (outcome.Succeeded)
        {
            await audit.RecordAsync(User, CircleAuditActions.ReinstatedHelper, id, reason: null, cancellationToken);
        }
        return RedirectToPage("/Circle/Coordinator/Helper", new { id, notice = "reinstated" });
    }

    /// <summary>The helper, when they exist and live in a ward the caller covers; otherwise the result to return instead.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.WardOfHelperAsync(id, cancellationToken) is not { } ward)
        {
            return NotFound();
        }
        if (!await scopes.MayHandleAsync(User, ward, cancellationToken))
        {
            return Forbid();
        }
        Helper = (await queries.VettingAsync(wards: null, id, cancellationToken)).Single();
        return null;
    }

    private DateTime? ParseDate(DateParts? parts, string field, string error, bool required)
    {
        if (parts is null || parts.IsEmpty)
        {
            if (required)
            {
                ModelState.AddModelError(field, error);
            }
            return null;
        }
        if (parts.ToDate() is { } date)
        {
            return date;
        }
        ModelState.AddModelError(field, error);
        return null;
    }
}
