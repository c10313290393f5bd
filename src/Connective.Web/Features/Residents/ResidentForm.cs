using System.ComponentModel.DataAnnotations;

namespace Connective.Web.Features.Residents;

/// <summary>The fields of a resident record as a form posts them, with GOV.UK-style error messages.</summary>
public sealed class ResidentForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter their first name")]
    [StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Enter their last name")]
    [StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    [Required(ErrorMessage = "Enter the year they were born")]
    public int? BirthYear { get; set; }

    [StringLength(20, ErrorMessage = "Phone number must be 20 characters or fewer")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Enter the first line of the address")]
    [StringLength(200, ErrorMessage = "Address must be 200 characters or fewer")]
    public string? AddressLine { get; set; }

    [Required(ErrorMessage = "Enter the postcode")]
    [StringLength(10, ErrorMessage = "Postcode must be 10 characters or fewer")]
    public string? Postcode { get; set; }

    [Required(ErrorMessage = "Select the ward")]
    public int? WardId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var thisYear = (validationContext?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow().Year;
        if (BirthYear is { } year && (year < thisYear - 120 || year > thisYear))
        {
            yield return new ValidationResult($"Year of birth must be between {thisYear - 120} and {thisYear}", [nameof(BirthYear)]);
        }
    }

    /// <summary>The messages above, said to the person whose own details they are (the form's messages speak of someone else).</summary>
    private static readonly Dictionary<string, string> ToSelf = new(StringComparer.Ordinal)
    {
        ["Enter their first name"] = "Enter your first name",
        ["Enter their last name"] = "Enter your last name",
        ["Enter the year they were born"] = "Enter the year you were born",
        ["Enter the first line of the address"] = "Enter the first line of your address",
        ["Enter the postcode"] = "Enter your postcode",
        ["Select the ward"] = "Select your ward",
    };

    /// <summary>Rewrites the form's errors in <paramref name="state"/> to address the person filling in their own details.</summary>
    public static void AddressErrorsToSelf(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (key, entry) in state.ToList())
        {
            var errors = entry?.Errors.ToList() ?? [];
            if (!errors.Exists(error => ToSelf.ContainsKey(error.ErrorMessage)))
            {
                continue;
            }
            entry!.Errors.Clear();
            foreach (var error in errors)
            {
                state.AddModelError(key, ToSelf.GetValueOrDefault(error.ErrorMessage, error.ErrorMessage));
            }
        }
    }

    public NewResident ToNewResident() => new(GivenName!, FamilyName!, BirthYear!.Value, Phone, AddressLine!, Postcode!, WardId!.Value);
}

/// <summary>What the shared resident fields partial needs.</summary>
public sealed record ResidentFieldsModel(ResidentForm Form, IReadOnlyList<WardChoice> Wards, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState, bool ForSelf);
