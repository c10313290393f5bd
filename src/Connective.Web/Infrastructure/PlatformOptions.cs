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

    public string FeedbackHref => $"mailto:{ContactEmail}?subject=Feedback%20on%20Connective";
}
