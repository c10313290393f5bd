using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Connective.Web.Data;
using Connective.Web.Features.Circle.Credits;
using Connective.Web.Tests.Circle;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Residents;

/// <summary>
/// The same thing asked for more than once, at once or again later: a double-clicked save, a retried donation, a
/// second thank-you. One record, the first answer replayed, or a clear refusal; never a server error.
/// </summary>
internal static class RepeatedRequestChecks
{
    private const string Password = "correct horse battery staple";

    public static async Task Fifty_simultaneous_detail_saves_from_one_account_give_one_record_and_no_server_error(ConnectiveWebFactory factory)
    {
        var email = await NewAccountAsync(factory, residentId: null);
        using var client = new AccountClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, Password)).StatusCode);
        var page = await client.Http.GetStringAsync("/account/details");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var wardId = await DbAsync(factory, db => db.Wards.OrderBy(ward => ward.Id).Select(ward => ward.Id).FirstAsync());
        var family = "Twice-" + Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Form.GivenName"] = "Ada",
            ["Form.FamilyName"] = family,
            ["Form.BirthYear"] = "1960",
            ["Form.AddressLine"] = "3 Double Click Row",
            ["Form.Postcode"] = "DB1 1AA",
            ["Form.WardId"] = wardId.ToString(CultureInfo.InvariantCulture),
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.Http.PostAsync(new Uri("/account/details", UriKind.Relative), content);
            return response.StatusCode;
        }));

        Assert.DoesNotContain(responses, status => (int)status >= 500);
        Assert.All(responses, status => Assert.True(status is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"answered {status}"));
        Assert.Equal(1, await DbAsync(factory, db => db.Residents.CountAsync(resident => resident.FamilyName == family)));
        var linked = await DbAsync(factory, db => db.Users.Where(user => user.Email == email).Select(user => user.ResidentId).SingleAsync());
        Assert.Equal(await DbAsync(factory, db => db.Residents.Where(resident => resident.FamilyName == family).Select(resident => (int?)resident.Id).SingleAsync()), linked);
    }

    public static async Task Donation_retries_with_one_key_replay_the_first_answer(ConnectiveWebFactory factory)
    {
        var people = await CreditsChecks.FreshResidentsAsync(factory, 2);
        var (helper, helped) = (people[0], people[1]);
        await using (var scope = factory.CreateScope())
        {
            // The helper has earned exactly one hour: enough for one donation of an hour, not two.
            await CreditsChecks.Credits(scope).RecordTaskAsync(CreditsChecks.Key(), helper, helped, 1m, CancellationToken.None);
        }
        var email = await NewAccountAsync(factory, helper);
        using var client = new AccountClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, Password)).StatusCode);
        var key = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var response = await client.Http.PostAsJsonAsync("/api/v1/circle/credits/donations", new { hours = 1m, idempotencyKey = key });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        using var later = await client.Http.PostAsJsonAsync("/api/v1/circle/credits/donations", new { hours = 1m, idempotencyKey = key });
        using var otherAmount = await client.Http.PostAsJsonAsync("/api/v1/circle/credits/donations", new { hours = 2m, idempotencyKey = key });

        Assert.All(answers, answer => Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {answer.Body}"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherAmount.StatusCode);
        Assert.Equal(1, await DbAsync(factory, db => db.CreditPostings.CountAsync(posting => posting.GiverResidentId == helper && posting.Kind == CreditPostingKind.Donation)));
        Assert.Equal(0, await DbAsync(factory, db => db.CreditAccounts.Where(account => account.Id == helper).Select(account => account.BalanceMinutes).SingleAsync()));
    }

    public static async Task A_task_is_thanked_for_once(ConnectiveWebFactory factory)
    {
        var people = await CreditsChecks.FreshResidentsAsync(factory, 2);
        var (helper, helped) = (people[0], people[1]);
        var task = await DbAsync(factory, db => db.HelpRequests.OrderBy(request => request.Id).Select(request => request.Id).FirstAsync());
        await using (var scope = factory.CreateScope())
        {
            await CreditsChecks.Credits(scope).RecordTaskAsync(CreditsChecks.Key(), helper, helped, 1m, CancellationToken.None);
        }
        var email = await NewAccountAsync(factory, helped);
        using var client = new AccountClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, Password)).StatusCode);

        using var first = await client.Http.PostAsJsonAsync("/api/v1/circle/thanks", new { toResidentId = helper, taskId = task, message = "Thank you!" });
        using var again = await client.Http.PostAsJsonAsync("/api/v1/circle/thanks", new { toResidentId = helper, taskId = task, message = "Thank you again!" });
        using var otherDay = await client.Http.PostAsJsonAsync("/api/v1/circle/thanks", new { toResidentId = helper, message = "Lovely to see you at the meetup." });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherDay.StatusCode);
        Assert.Equal(1, await DbAsync(factory, db => db.ThanksMessages.CountAsync(thanks => thanks.FromResidentId == helped && thanks.TaskId == task)));
    }

    /// <summary>A confirmed resident account, linked to <paramref name="residentId"/> when given.</summary>
    internal static async Task<string> NewAccountAsync(ConnectiveWebFactory factory, int? residentId)
    {
        var email = "repeat-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
        var user = new ConnectiveUser { UserName = email, Email = email, EmailConfirmed = true, ResidentId = residentId };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(error => error.Description)));
        await users.AddToRoleAsync(user, Platform.Access.Roles.Resident);
        return email;
    }

    private static async Task<T> DbAsync<T>(ConnectiveWebFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
