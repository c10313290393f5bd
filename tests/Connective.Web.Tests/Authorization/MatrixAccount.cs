using static Connective.Web.Tests.Authorization.Caller;
using static Connective.Web.Tests.Authorization.Outcome;

namespace Connective.Web.Tests.Authorization;

/// <summary>Account pages: the forms are open to everyone (their submissions are rate-limited elsewhere); consent needs a sign-in.</summary>
internal sealed class MatrixAccount : IMatrixFeature
{
    public IEnumerable<MatrixEntry> Entries() =>
    [
        new MatrixEntry("PAGE /account/sign-in", "Sign in</h1>").Get("/account/sign-in").Everyone(Ok),
        new MatrixEntry("PAGE /account/sign-up", "Create an account</h1>").Get("/account/sign-up").Everyone(Ok),
        // Signing out is a POST; the matrix never posts it, so that every session stays signed in.
        new MatrixEntry("PAGE /account/sign-out", "Sign out</h1>").Get("/account/sign-out").Everyone(Ok),
        new MatrixEntry("PAGE /account/forgot-password", "Reset your password</h1>").Get("/account/forgot-password").Everyone(Ok),
        new MatrixEntry("PAGE /account/reset-password", "This link is not valid</h1>").Get("/account/reset-password").Everyone(Ok),
        new MatrixEntry("PAGE /account/confirm-email", "This link is not valid</h1>").Get("/account/confirm-email").Everyone(Ok),
        new MatrixEntry("PAGE /account/check-email", "Check your e-mail</h1>").Get("/account/check-email").Everyone(Ok),
        new MatrixEntry("PAGE /account/access-denied", "You cannot see this page</h1>").Get("/account/access-denied").Everyone(Ok),
        // The e-mail outbox is a page of the Demo and Development environments only (the matrix runs in Demo).
        new MatrixEntry("PAGE /outbox", "Outbox</h1>").Get("/outbox").Everyone(Ok),

        // Second factor and account pages (identity-auth). Every demo account whose role needs a second factor (staff and Helper) has an authenticator app set up.
        new MatrixEntry("PAGE /account/sign-in/second-step", "Start signing in again</h1>").Get("/account/sign-in/second-step").Everyone(Ok),
        new MatrixEntry("PAGE /account", "Your account</h1>").Get("/account").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /account/confirm-it-is-you", "Confirm it is you</h1>").Get("/account/confirm-it-is-you").AnyoneSignedIn(Ok),
        new MatrixEntry("PAGE /account/second-factor/authenticator", "</h1>").Get("/account/second-factor/authenticator")
            .Row(Anonymous, OkContaining("Sign in first</h1>"))
            .Row(Resident, OkContaining("Set up an authenticator app</h1>"))
            .Row(Helper, OkContaining("Your authenticator app is set up</h1>"))
            .Row(Coordinator, OkContaining("Your authenticator app is set up</h1>"))
            .Row(Practitioner, OkContaining("Your authenticator app is set up</h1>"))
            .Row(SafeguardingLead, OkContaining("Your authenticator app is set up</h1>"))
            .Row(BudgetOfficer, OkContaining("Your authenticator app is set up</h1>"))
            .Row(ServiceManager, OkContaining("Your authenticator app is set up</h1>"))
            .Row(Admin, OkContaining("Your authenticator app is set up</h1>")),

        // A signed-in person's own consent; only an account linked to a resident record has choices to make.
        new MatrixEntry("PAGE /account/consent", "Your consent</h1>")
            .Get("/account/consent")
            .Row(Anonymous, SignIn)
            .Row(Resident, OkContaining("What may your information be used for?"))
            .Row(Helper, OkLacking("What may your information be used for?"))
            .Row(Coordinator, OkLacking("What may your information be used for?"))
            .Row(Practitioner, OkLacking("What may your information be used for?"))
            .Row(SafeguardingLead, OkLacking("What may your information be used for?"))
            .Row(BudgetOfficer, OkLacking("What may your information be used for?"))
            .Row(ServiceManager, OkLacking("What may your information be used for?"))
            .Row(Admin, OkLacking("What may your information be used for?"))
            .PostForm("/account/consent", _ => "/account/consent", _ => new Dictionary<string, string>
            {
                ["purpose"] = nameof(Web.Data.ConsentPurpose.ContactByPhone),
                ["give"] = "true",
            })
            .Row(Anonymous, SignIn)
            .Row(Resident, Redirect("/account/consent?changed=given"))
            .Row(Helper, Redirect("/account/consent"))
            .Row(Coordinator, Redirect("/account/consent"))
            .Row(Practitioner, Redirect("/account/consent"))
            .Row(SafeguardingLead, Redirect("/account/consent"))
            .Row(BudgetOfficer, Redirect("/account/consent"))
            .Row(ServiceManager, Redirect("/account/consent"))
            .Row(Admin, Redirect("/account/consent")),
    ];
}
