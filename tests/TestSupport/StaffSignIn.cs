namespace Connective.TestSupport;

/// <summary>
/// The sign-in form's two steps, as a person takes them: e-mail and password, then (for an account with an
/// authenticator, which every staff account has) the six-digit code their app shows now. One place for the pages, the
/// field names and the code, used by the HTTP helpers (AccountClient, MatrixSession) and the browser's DemoSignIn.
/// </summary>
internal static class StaffSignIn
{
    public const string PasswordPage = "/account/sign-in";
    public const string SecondStepPage = "/account/sign-in/second-step";

    /// <summary>The form fields' names, which are also the inputs' ids on the pages.</summary>
    public const string EmailField = "Email";
    public const string PasswordField = "Password";
    public const string CodeField = "Code";

    public static Dictionary<string, string> PasswordStep(string email, string password) =>
        new() { [EmailField] = email, [PasswordField] = password };

    /// <summary>
    /// The second step's form: a code an authenticator app with this Base32 key shows about now, one the server
    /// (<paramref name="server"/>, anything naming its database) has not accepted yet: each code works once.
    /// </summary>
    public static async Task<Dictionary<string, string>> CodeStepAsync(string authenticatorKey, string server = "") =>
        new() { [CodeField] = await Totp.UnusedCodeAsync(authenticatorKey, server) };

    /// <summary>Whether a URL or redirect location is the second step's page.</summary>
    public static bool IsSecondStep(string? location) =>
        location is not null && location.Contains(SecondStepPage, StringComparison.Ordinal);

    /// <summary>
    /// Both steps through an HTTP client's form poster (<paramref name="postForm"/> takes the form's page and its
    /// fields and adds the antiforgery token). Returns the last response: a redirect to where the sign-in leads, or the
    /// page with an error. An account that asks for a code when no key is given is an error in the test.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        Func<string, Dictionary<string, string>, Task<HttpResponseMessage>> postForm, string email, string password, string? authenticatorKey, string server = "")
    {
        ArgumentNullException.ThrowIfNull(postForm);
        var passwordStep = await postForm(PasswordPage, PasswordStep(email, password));
        if (passwordStep.Headers.Location?.OriginalString is not { } next || !IsSecondStep(next))
        {
            return passwordStep;
        }
        passwordStep.Dispose();
        var key = authenticatorKey ?? throw new InvalidOperationException($"{email} needs an authenticator code, but the test gave no key.");
        return await postForm(next, await CodeStepAsync(key, server));
    }
}
