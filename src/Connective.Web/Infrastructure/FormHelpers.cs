using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connective.Web.Infrastructure;

/// <summary>Helpers every form uses: the errors the GOV.UK input partials show.</summary>
internal static class FormHelpers
{
    /// <summary>The first error recorded for a field, for the GOV.UK input partials.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Copies an area service's problems (by field, the same checks its API makes) into the page's ModelState, the one
    /// place forms keep errors; <paramref name="fieldOf"/> renames a service's field to the form's input when they differ.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<KeyValuePair<string, string>> errors, Func<string, string>? fieldOf = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(fieldOf?.Invoke(field) ?? field, message);
        }
    }
}
