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

    public NewResident ToNewResident() => new(GivenName!, FamilyName!, BirthYear!.Value, Phone, AddressLine!, Postcode!, WardId!.Value);
}

/// <summary>What the shared resident fields partial needs.</summary>
public sealed record ResidentFieldsModel(ResidentForm Form, IReadOnlyList<WardChoice> Wards, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState, bool ForSelf);
