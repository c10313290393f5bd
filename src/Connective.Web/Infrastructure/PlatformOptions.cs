using System.ComponentModel.DataAnnotations;

namespace Connective.Web.Infrastructure;

/// <summary>
/// Who runs this deployment and how to reach them: shown in the phase banner, the accessibility
/// statement, the privacy notice and the cookies page. Validated at start-up.
/// </summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>The council or organisation that runs this deployment and is the data controller.</summary>
    [Required]
    public string OperatorName { get; set; } = "";

    /// <summary>Where residents send feedback, accessibility problems and data protection requests.</summary>
    [Required, EmailAddress]
    public string ContactEmail { get; set; } = "";

    /// <summary>The phase shown in the banner: Alpha or Beta.</summary>
    [Required, RegularExpression("^(Alpha|Beta)$", ErrorMessage = "Platform:Phase must be Alpha or Beta.")]
    public string Phase { get; set; } = "Beta";

    /// <summary>The date the accessibility statement was last reviewed, as yyyy-MM-dd.</summary>
    [Required, RegularExpression(@"^\d{4}-\d{2}-\d{2}$", ErrorMessage = "Platform:AccessibilityReviewed must be a date like 2026-11-25.")]
    public string AccessibilityReviewed { get; set; } = "";

    /// <summary>
    /// The address residents use to reach the app's root (e.g. https://connective.council.example/). Every absolute link
    /// (mail, OpenAPI servers) starts with it. Required outside Development and Demo, where it defaults to the listening address.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The number residents without the internet phone to reach a coordinator, shown wherever a page says to phone
    /// (e.g. "0300 123 4567"). Optional: without it pages say to phone a coordinator without a number.
    /// </summary>
    [RegularExpression(@"^\+?[0-9][0-9 ]{5,19}$", ErrorMessage = "Platform:CoordinatorPhone must be a phone number of digits and spaces, e.g. 0300 123 4567.")]
    public string? CoordinatorPhone { get; set; }

    /// <summary>The tel: link for <see cref="CoordinatorPhone"/>.</summary>
    public string? CoordinatorPhoneHref => CoordinatorPhone is null ? null : "tel:" + CoordinatorPhone.Replace(" ", "", StringComparison.Ordinal);

    public string FeedbackHref => $"mailto:{ContactEmail}?subject=Feedback%20on%20Connective";
}
