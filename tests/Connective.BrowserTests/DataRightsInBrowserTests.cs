using System.IO.Compression;
using System.Text.Json;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// A person signs up, confirms through the outbox, signs in, gives their details, gives and withdraws consent,
/// downloads their data and asks for erasure; afterwards no GET endpoint, seen as Admin or as Practitioner, shows
/// their name, e-mail or ids, and the ward totals are as they were before they signed up.
/// </summary>
[Collection(ConnectiveServerGroup.Name)]
public sealed class DataRightsInBrowserTests(ConnectiveServer server)
{
    private const string Password = "correct horse battery staple";

    [BrowserFact]
    public async Task Sign_up_to_erasure_leaves_no_trace_and_ward_totals_unchanged()
    {
        // Arrange
        var marker = Guid.NewGuid().ToString("N")[..10];
        var email = $"erase-{marker}@example.org";
        var familyName = "Erasable" + marker;
        var totalsBefore = await WardTotalsAsync();
        await using var context = await server.NewBrowserContextAsync();
        var page = await context.NewPageAsync();

        // Act: sign up, confirm through the outbox, sign in.
        await page.GotoAsync("/account/sign-up");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.GotoAsync("/outbox");
        await page.Locator($"xpath=//p[contains(., '{email}')]/following-sibling::p[2]/a").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("E-mail address confirmed", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        // Their details make them a resident of the first ward.
        await page.GotoAsync("/account/details");
        await page.FillAsync("#Form_GivenName", "Ada");
        await page.FillAsync("#Form_FamilyName", familyName);
        await page.FillAsync("#Form_BirthYear", "1980");
        await page.FillAsync("#Form_AddressLine", $"{marker} Vanishing Street");
        await page.FillAsync("#Form_Postcode", "ZZ3 3ZZ");
        await page.SelectOptionAsync("#Form_WardId", new SelectOptionValue { Index = 1 });
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/consent", StringComparison.Ordinal));
        var totalsWhileRegistered = await WardTotalsAsync();
        var (accountId, residentId) = await IdsAsync(email);

        // Give, then withdraw, consent to the first purpose (one form: tick, save; untick, save).
        await page.GotoAsync("/account/consent");
        await page.Locator("main input[name=purposes]").First.CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("changed=saved", StringComparison.Ordinal));
        Assert.True(await page.Locator("main input[name=purposes]").First.IsCheckedAsync());
        await page.Locator("main input[name=purposes]").First.UncheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("changed=saved", StringComparison.Ordinal));

        // Download everything.
        await page.GotoAsync("/account/my-data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main form button:has-text('Download your data')").ClickAsync());
        var zipPath = Path.Combine(Path.GetTempPath(), $"my-data-{marker}.zip");
        await download.SaveAsAsync(zipPath);
        string residentJson, consentsCsv;
        IReadOnlySet<string> entries;
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            entries = zip.Entries.Select(entry => entry.FullName).ToHashSet();
            residentJson = await ReadAsync(zip, "resident.json");
            consentsCsv = await ReadAsync(zip, "consents.csv");
        }
        File.Delete(zipPath);

        // Ask for erasure.
        await page.GotoAsync("/account/my-data/erase");
        await page.CheckAsync("#Confirm");
        await page.Locator("main form button:has-text('Erase my data')").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var receipt = await page.ContentAsync();
        var totalsAfter = await WardTotalsAsync();

        // Then every GET endpoint, as Admin and as Practitioner.
        var leaks = new List<string>();
        foreach (var role in new[] { Roles.Admin, Roles.Practitioner })
        {
            leaks.AddRange(await ScanAsync(role, [email, familyName, accountId, $"/{residentId}/", $"/{residentId}\"", $">{residentId}<", $"\"id\":{residentId},"]));
        }

        // Assert
        foreach (var part in new[] { "account", "resident", "household", "consents", "ties", "who-looked", "messages" })
        {
            Assert.Contains(part + ".json", entries);
            Assert.Contains(part + ".csv", entries);
        }
        Assert.Contains(familyName, residentJson, StringComparison.Ordinal);
        Assert.Contains("self", consentsCsv, StringComparison.Ordinal);
        Assert.Equal(2, consentsCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Your data has been erased", receipt, StringComparison.Ordinal);
        Assert.Contains("What we kept, and why", receipt, StringComparison.Ordinal);
        Assert.NotEqual(totalsBefore, totalsWhileRegistered);
        Assert.Equal(totalsBefore, totalsAfter);
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(entry => entry.ActorId == accountId && entry.Action == "ErasedPerson"));
    }

    /// <summary>Residents and households per ward, from the public API, as one comparable string.</summary>
    private async Task<string> WardTotalsAsync()
    {
        using var http = server.CreateHttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/community/wards", UriKind.Relative)));
        return string.Join(';', json.RootElement.GetProperty("wards").EnumerateArray()
            .Select(ward => $"{ward.GetProperty("code").GetString()}:{ward.GetProperty("residents").GetInt32()}:{ward.GetProperty("households").GetInt32()}"));
    }

    private async Task<(string AccountId, int ResidentId)> IdsAsync(string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(user => user.Email == email);
        return (user.Id, user.ResidentId!.Value);
    }

    /// <summary>Signs in as the demo role and GETs every route (ids from seeded data); returns each forbidden text found.</summary>
    private async Task<IReadOnlyList<string>> ScanAsync(string role, IReadOnlyList<string> forbidden)
    {
        await using var context = await server.NewBrowserContextAsync();
        var page = await context.NewPageAsync();
        await DemoSignIn.AsAsync(page, role); // staff complete the authenticator step
        string wardCode;
        int someResident;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            wardCode = await db.Wards.OrderBy(ward => ward.Id).Select(ward => ward.Code).FirstAsync();
            someResident = await db.Residents.OrderBy(resident => resident.Id).Select(resident => resident.Id).FirstAsync();
        }
        var values = new Dictionary<string, string>(AppPages.KnownValues, StringComparer.OrdinalIgnoreCase)
        {
            ["code"] = wardCode,
            ["id"] = someResident.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var found = new List<string>();
        var visited = 0;
        foreach (var route in AppPages.Enumerate(server.Services))
        {
            if (route.PathWith(values) is not { } path)
            {
                found.Add($"{role}: {route.Pattern} could not be filled with seeded values");
                continue;
            }
            var response = await page.APIRequest.GetAsync(path, new() { Timeout = ConnectiveServer.LoadedMachineTimeoutMs });
            var body = await response.TextAsync();
            visited++;
            found.AddRange(forbidden.Where(text => body.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(text => $"{role}: {path} shows '{text}'"));
        }
        Assert.True(visited > 20, $"only {visited} routes were visited as {role}");
        return found;
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return await reader.ReadToEndAsync();
    }
}
