using System.Net;
using System.Net.Http.Json;
using Connective.Budgeting;
using Connective.Budgeting.Pabulib;
using Connective.Web.Features.Voice;
using Connective.Web.Features.Voice.Budgets;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connective.Web.Tests.Voice;

/// <summary>Results: counted by the declared rule, explained, and recountable from the published file.</summary>
internal static class BudgetResultsChecks
{
    /// <summary>
    /// Ten voters, budget 100: A (60) is the choice of six, D (30) of three, B (40) of two and C (40) of two. The results
    /// the app publishes and a recount of the file it publishes, by the engine, name the same winners; greedy on the same
    /// file funds A then D, so the file carries the ballots as cast.
    /// </summary>
    public static async Task The_published_file_recounted_names_the_same_winners(ConnectiveWebFactory factory)
    {
        var world = await VoiceWorld.CreateAsync(factory, [60, 40, 40, 30], budgetPounds: 100);
        var people = await VoiceWorld.VotersAsync(factory, 10);
        var (a, b, c, d) = (world.ProjectIds[0], world.ProjectIds[1], world.ProjectIds[2], world.ProjectIds[3]);
        int[][] ballots = [[a], [a], [a], [a], [a], [a, d], [b, d], [b, d], [c], [c]];
        foreach (var (person, choices) in people.Zip(ballots))
        {
            await world.VoteAsync(person, choices);
        }
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var results = await http.GetFromJsonAsync<ResultsResponse>($"/api/v1/voice/budgets/{world.ProcessId}/results");
        var file = await http.GetAsync(VoiceLinks.PbFile(world.ProcessId));
        var text = await file.Content.ReadAsStringAsync();
        var election = PbReader.Read(new StringReader(text), "download.pb");
        var recount = BudgetingRules.Count(election, BudgetCount.OptionsFor(CountingRule.EqualSharesAdd1));

        Assert.NotNull(results);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(10, election.Voters.Count);
        Assert.Equal(results.Winners, recount.SelectedIdsSorted.Select(int.Parse).Order());
        Assert.Contains(a, results.Winners);
        Assert.Contains("--rule mes --utility cost --completion add1", results.Command, StringComparison.Ordinal);
        Assert.All(results.Projects, project => Assert.False(string.IsNullOrWhiteSpace(project.Reason)));
        // The file names no one: voters are numbered 1..10.
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), election.Voters.Select(voter => voter.Id));
        // Greedy by votes on the same file: A (6 votes), then D (3); B and C no longer fit.
        var greedy = BudgetingRules.Count(election, BudgetCount.OptionsFor(CountingRule.Greedy));
        Assert.Equal([a, d], greedy.SelectedIdsSorted.Select(int.Parse).Order());
    }

    /// <summary>A process that closed with no ballots says so: the page explains, the API answers 409 with why, never a 500.</summary>
    public static async Task A_process_no_one_voted_in_says_so(ConnectiveWebFactory factory)
    {
        var world = await VoiceWorld.CreateAsync(factory, [60, 40]);
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var page = await http.GetAsync($"/voice/budgets/{world.ProcessId}/results");
        var results = await http.GetAsync($"/api/v1/voice/budgets/{world.ProcessId}/results");
        var file = await http.GetAsync(VoiceLinks.PbFile(world.ProcessId));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("No one voted", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        Assert.Contains("No one voted", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, file.StatusCode);
    }

    /// <summary>Before voting closes there is nothing to count or download: ballots are never published while they can change.</summary>
    public static async Task Nothing_is_published_while_voting_is_open(ConnectiveWebFactory factory)
    {
        var world = await VoiceWorld.CreateAsync(factory, [60, 40], closed: false);
        await world.VoteAsync((await VoiceWorld.VotersAsync(factory, 1))[0], [world.ProjectIds[0]]);
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync(VoiceLinks.PbFile(world.ProcessId))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync($"/api/v1/voice/budgets/{world.ProcessId}/results")).StatusCode);
        Assert.Contains("The votes are counted when voting closes", await http.GetStringAsync(VoiceLinks.Results(world.ProcessId)), StringComparison.Ordinal);
    }
}
