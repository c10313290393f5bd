using Connective.Web.Demo;

namespace Connective.Web.Features.Account;

/// <summary>The accounts area's part of the demo borough: one account per role (see <see cref="DemoAccounts"/>).</summary>
internal sealed class AccountDemoSeed : IDemoSeedParticipant
{
    public int Order => 100;

    public Task<int> WriteAsync(DemoSeedContext demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        return DemoAccounts.WriteAsync(demo.Db, demo.People[0].Id, demo.People[0].WardId, demo.Now, cancellationToken);
    }
}
