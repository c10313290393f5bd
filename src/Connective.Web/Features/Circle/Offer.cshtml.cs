using System.Globalization;
using Connective.Web.Infrastructure;
using Connective.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Circle;

/// <summary>A resident publishes (or changes) their offer to help: what, when, how far, how many at once.</summary>
[Authorize]
public sealed class OfferModel(CircleHelpers helpers, CircleQueries queries, CurrentPerson identity) : PageModel
{
    public IReadOnlyList<TaskTypeView> TaskTypes { get; private set; } = [];
    public HelperProfileView? Profile { get; private set; }
    public bool HasResidentRecord { get; private set; }
    public HashSet<int> ChosenTypes { get; private set; } = [];
    public HashSet<DayOfWeek> ChosenDays { get; private set; } = [];
    public string FromHour { get; private set; } = "9";
    public string ToHour { get; private set; } = "17";
    public string MaxDistanceKm { get; private set; } = "2";
    public string MaxTasks { get; private set; } = "2";

    /// <summary>The form's fields in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder = ["TaskTypeIds", "Days", "FromHour", "ToHour", "MaxDistanceKm", "MaxTasks"];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        Notice = CircleText.Notice(notice);
        TaskTypes = await queries.TaskTypesAsync(cancellationToken);
        if (await identity.ResidentIdAsync(User, cancellationToken) is not { } residentId)
        {
            return;
        }
        HasResidentRecord = true;
        Profile = await queries.HelperProfileAsync(residentId, cancellationToken);
        if (Profile is { } profile)
        {
            ChosenTypes = [.. profile.TaskTypeIds];
            ChosenDays = [.. profile.Days];
            FromHour = profile.FromHour.ToString(CultureInfo.InvariantCulture);
            ToHour = profile.ToHour.ToString(CultureInfo.InvariantCulture);
            MaxDistanceKm = profile.MaxDistanceKm.ToString(CultureInfo.InvariantCulture);
            MaxTasks = profile.MaxTasks.ToString(CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnPostAsync(int[] taskTypeIds, DayOfWeek[] days, string? fromHour, string? toHour, string? maxDistanceKm, string? maxTasks,
        CancellationToken cancellationToken)
    {
        if (await identity.ResidentIdAsync(User, cancellationToken) is not { } residentId)
        {
            return RedirectToPage();
        }
        HasResidentRecord = true;
        (ChosenTypes, ChosenDays) = ([.. taskTypeIds], [.. days]);
        (FromHour, ToHour, MaxDistanceKm, MaxTasks) = (fromHour ?? "", toHour ?? "", maxDistanceKm ?? "", maxTasks ?? "");
        var input = new HelperOfferInput(taskTypeIds, days, Int(fromHour), Int(toHour),
            double.TryParse(maxDistanceKm, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) ? km : -1, Int(maxTasks));
        ModelState.AddErrors(CircleHelpers.Validate(input));
        if (ModelState.IsValid)
        {
            var outcome = await helpers.SaveOfferAsync(residentId, input, cancellationToken);
            if (outcome.Succeeded)
            {
                return RedirectToPage("/Circle/Offer", new { notice = "offered" });
            }
            ModelState.AddModelError("MaxTasks", outcome.Message);
        }
        TaskTypes = await queries.TaskTypesAsync(cancellationToken);
        return Page();
    }

    private static int Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
