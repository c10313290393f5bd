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

        // A signed-in person's own consent; only an account linked to a resident record has choices to make.
        new MatrixEntry("PAGE /account/consent", "Your consent</h1>")
            .Get("/account/consent")
            .Row(Anonymous, SignIn)
            .Row(Resident, OkContaining("Withdraw consent"))
            .Row(Helper, OkLacking("Withdraw consent"))
            .Row(Coordinator, OkLacking("Withdraw consent"))
            .Row(Practitioner, OkLacking("Withdraw consent"))
            .Row(SafeguardingLead, OkLacking("Withdraw consent"))
            .Row(BudgetOfficer, OkLacking("Withdraw consent"))
            .Row(ServiceManager, OkLacking("Withdraw consent"))
            .Row(Admin, OkLacking("Withdraw consent"))
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
