using Connective.Graph.Traversal;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Features.Circle;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.ConsentPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// Circle's whole journey in Chromium: a coordinator records a phone request for an offline resident; the demo circle helper,
/// a friend of a friend of that resident, is in the first wave, accepts, checks in and out; time credits move; the
/// helper thanks the requester; the coordinator phones the requester with the news and the queue empties.
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class CircleJourneyInBrowserTests(ConnectiveServer server)
{
    [BrowserFact]
    public async Task Phone_request_for_an_offline_resident_is_helped_by_a_friend_of_a_friend_and_closes_the_queue()
    {
        // Arrange: the demo's offline resident and their friend-of-a-friend helper (helper-circle@demo.connective.example).
        var (requester, requesterName, helper) = await JourneyPeopleAsync();
        await using var coordinatorContext = await server.NewBrowserContextAsync();
        var coordinator = await SignInAsync(coordinatorContext, DemoAccounts.EmailFor(Roles.Coordinator));

        // Act 1: the coordinator takes the request on the phone. The resident has not yet agreed that a coordinator may act
        // for them, so the form is not offered: the coordinator reads the consent script, records their yes, and comes back.
        await coordinator.GotoAsync("/circle/coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Record a request taken by phone" }).ClickAsync();
        await FindResidentAsync(coordinator, requesterName, requester);
        Assert.Equal(0, await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).CountAsync());
        await coordinator.Locator("[data-testid=record-consent]").ClickAsync();
        await coordinator.Locator("#agreed-CoordinatorMayActForMe").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record their answers" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("recorded=True", StringComparison.OrdinalIgnoreCase));
        await coordinator.GotoAsync("/circle/coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Record a request taken by phone" }).ClickAsync();
        await FindResidentAsync(coordinator, requesterName, requester);
        await coordinator.GetByLabel("Shopping", new() { Exact = true }).CheckAsync();
        await coordinator.GetByLabel("What is needed?").FillAsync("Bread, milk and her prescription from the chemist.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("/circle/coordinator?notice=phoned", StringComparison.Ordinal));
        var requestId = await DbAsync(db => db.HelpRequests.Where(r => r.RequesterResidentId == requester).Select(r => r.Id).SingleAsync());
        var firstWave = await DbAsync(db => db.HelpOffers.Where(o => o.RequestId == requestId && o.Wave == 1).ToListAsync());

        // Assert 1: a call to make is queued; the friend of a friend is offered it in the first wave, and nobody closer exists.
        Assert.Contains("Call the requester", await coordinator.Locator("[data-testid=queue]").InnerTextAsync(), StringComparison.Ordinal);
        var helperOffer = Assert.Single(firstWave, offer => offer.HelperResidentId == helper);
        Assert.Equal(2, helperOffer.NetworkDistance);
        Assert.Equal(firstWave.Max(offer => offer.Score), helperOffer.Score);
        Assert.DoesNotContain(firstWave, offer => offer.NetworkDistance == 1);

        // Act 2: the helper accepts, sees the address, checks in and out, and thanks the requester.
        await using var helperContext = await server.NewBrowserContextAsync();
        var helping = await SignInAsync(helperContext, "helper-circle@demo.connective.example");
        await helping.GotoAsync("/circle/helping");
        Assert.Contains("a friend of a friend", await helping.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var address = await DbAsync(db => db.Residents.Where(r => r.Id == requester)
            .Join(db.Households, r => r.HouseholdId, h => h.Id, (r, h) => h.AddressLine).SingleAsync());
        Assert.DoesNotContain(address, await helping.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await helping.GetByRole(AriaRole.Button, new() { Name = $"Accept request {requestId}" }).ClickAsync();
        await helping.WaitForURLAsync(url => url.Contains("notice=accepted", StringComparison.Ordinal));
        Assert.Contains(address, await helping.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await helping.GetByRole(AriaRole.Button, new() { Name = $"Check in to request {requestId}" }).ClickAsync();
        await helping.WaitForURLAsync(url => url.Contains("notice=checked-in", StringComparison.Ordinal));
        await helping.GetByLabel("Given to you").FillAsync("20.00");
        await helping.GetByLabel("Spent", new() { Exact = true }).FillAsync("14.35");
        await helping.GetByLabel("Change returned").FillAsync("5.65");
        await helping.GetByLabel("A receipt was given to them").CheckAsync();
        await helping.GetByRole(AriaRole.Button, new() { Name = $"Check out of request {requestId}" }).ClickAsync();
        await helping.WaitForURLAsync(url => url.Contains("notice=checked-out", StringComparison.Ordinal));
        Assert.DoesNotContain(address, await helping.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await helping.Locator($"#thanks-{requestId}").FillAsync("It was lovely to meet you. See you next week!");
        await helping.GetByRole(AriaRole.Button, new() { Name = $"Send thanks for request {requestId}" }).ClickAsync();
        await helping.WaitForURLAsync(url => url.Contains("notice=thanked", StringComparison.Ordinal));

        // Act 3: the coordinator phones the requester with the news and passes on their thanks.
        await coordinator.GotoAsync("/circle/coordinator");
        var call = coordinator.Locator("[data-testid=queue] tr", new() { HasText = $"about request {requestId}:" });
        Assert.Contains("task is done", await call.InnerTextAsync(), StringComparison.Ordinal);
        await call.GetByLabel("What happened").FillAsync("Phoned: she has her shopping and the change.");
        await call.GetByLabel("Their thanks to the helper, if they gave any").FillAsync("Thank you, dear, you were very kind.");
        await call.GetByRole(AriaRole.Button).ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("notice=resolved", StringComparison.Ordinal));

        // Assert 3: done, credits moved from the requester (or the pool) to the helper, both thanked, and the queue is empty.
        Assert.Equal(HelpRequestStatus.Done, await DbAsync(db => db.HelpRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        var posting = await DbAsync(db => db.CreditPostings.SingleAsync(p => p.GiverResidentId == helper && p.RecipientResidentId == requester));
        Assert.True(posting.Minutes >= 15);
        Assert.True(await DbAsync(db => db.ThanksMessages.AnyAsync(t => t.FromResidentId == helper && t.ToResidentId == requester && t.TaskId == requestId)));
        Assert.True(await DbAsync(db => db.ThanksMessages.AnyAsync(t => t.FromResidentId == requester && t.ToResidentId == helper && t.TaskId == requestId)));
        var money = await DbAsync(db => db.HelpOffers.SingleAsync(o => o.RequestId == requestId && o.HelperResidentId == helper));
        Assert.Equal((2000L, 1435L, 565L), (money.MoneyGivenPence!.Value, money.MoneySpentPence!.Value, money.ChangeReturnedPence!.Value));
        Assert.Equal(0, await coordinator.Locator("[data-testid=queue]").CountAsync());
        Assert.True(await coordinator.Locator("[data-testid=queue-empty]").IsVisibleAsync());
    }

    private static async Task FindResidentAsync(IPage coordinator, string name, int residentId)
    {
        await coordinator.GetByLabel("Who is asking? Enter their name").FillAsync(name);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Find the resident" }).ClickAsync();
        await coordinator.Locator($"a[href='/circle/coordinator/phone-request?residentId={residentId}']").ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains($"residentId={residentId}", StringComparison.Ordinal));
    }

    /// <summary>
    /// The offline resident the demo set up for this journey: the first offline resident of 70 or more (in the demo
    /// Coordinator's ward first, then by id) who has the demo circle helper's resident as a friend of a friend over the
    /// ties consented for finding help.
    /// </summary>
    private async Task<(int Requester, string Name, int Helper)> JourneyPeopleAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var helper = await db.Users.Where(u => u.Id == "demo-circle-helper").Select(u => u.ResidentId).SingleAsync();
        Assert.True(helper is not null, "the demo should give the journey's helper an account");
        var network = await scope.ServiceProvider.GetRequiredService<ConsentedNetwork>().GetAsync(db, ConsentPurpose.FindHelpThroughMyNetwork, CancellationToken.None);
        var search = new BoundedBfs(network.Graph);
        var thisYear = DateTime.UtcNow.Year;
        var helperHome = await db.Residents.Where(r => r.Id == helper).Select(r => new { r.HouseholdId, r.Latitude, r.Longitude }).SingleAsync();
        var wardA = await db.RoleAssignments.Where(a => a.UserId == "demo-coordinator" && a.Role == Roles.Coordinator).Select(a => a.WardId).SingleAsync();
        var offline = await db.Residents.Where(r => !r.HasAccount && r.BirthYear <= thisYear - 70).OrderBy(r => r.WardId == wardA ? 0 : 1).ThenBy(r => r.Id)
            .Select(r => new { r.Id, Name = r.GivenName + " " + r.FamilyName, r.HouseholdId, r.Latitude, r.Longitude }).ToListAsync();
        // The demo's own conditions: another household, under 8 km apart.
        foreach (var person in offline.Where(p => network.Includes(p.Id) && p.HouseholdId != helperHome.HouseholdId
                     && Web.Features.Circle.Matching.Distances.Kilometres(p.Latitude, p.Longitude, helperHome.Latitude, helperHome.Longitude) < 8))
        {
            var reached = search.Run(person.Id, 2);
            for (var i = 0; i < reached.Count; i++)
            {
                if (reached.Nodes[i] == helper && reached.Depths[i] == 2)
                {
                    return (person.Id, person.Name, helper.Value);
                }
            }
        }
        Assert.Fail("The demo has no offline resident with the circle helper as a friend of a friend.");
        return default;
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await DemoSignIn.AsEmailAsync(page, email);
        return page;
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
