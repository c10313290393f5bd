using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connective.Web.Infrastructure;

/// <summary>Helpers every form uses: the errors the GOV.UK input partials show.</summary>
internal static class FormHelpers
{
    /// <summary>The first error recorded for a field, for the GOV.UK input partials.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
