using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Connective.Web.Data;
using Connective.Web.Features.Residents;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Platform.ConsentPath;
using Connective.Web.Platform.DataRights;
using Connective.Web.Platform.Proxy;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Residents;

/// <summary>Offline residents, phone consent, acting on behalf and data rights, written once and run on each provider.</summary>
internal static class ResidentsChecks
{
    private const string Coordinator = "demo-coordinator";

    public static async Task A_coordinator_adds_an_offline_resident_and_phone_consent_queues_a_letter(ConnectiveWebFactory factory)
    {
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        var wardId = await FirstWardIdAsync(factory);
        var postcode = "ZZ1 " + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..3];

        var created = await coordinator.PostFormAsync("/residents/new", new Dictionary<string, string>
        {
            ["Form.GivenName"] = "Edna",
            ["Form.FamilyName"] = "Offline-" + Guid.NewGuid().ToString("N")[..8],
            ["Form.BirthYear"] = "1941",
            ["Form.Phone"] = "01632 960123",
            ["Form.AddressLine"] = "7 Quiet Lane",
            ["Form.Postcode"] = postcode,
            ["Form.WardId"] = wardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var consentPage = created.Headers.Location!.OriginalString;
        var residentId = int.Parse(consentPage.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var recorded = await coordinator.PostFormAsync(consentPage, new Dictionary<string, string>
        {
            ["scriptVersion"] = PhoneScripts.Current.Version,
            ["agreed"] = nameof(ConsentPurpose.ContactByPhone),
        });

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var resident = await db.Residents.SingleAsync(row => row.Id == residentId);
        Assert.False(resident.HasAccount);
        Assert.Null(resident.Email);
        Assert.Equal(1941, resident.BirthYear);
        var history = await scope.ServiceProvider.GetRequiredService<ConsentRecords>().HistoryAsync(residentId, CancellationToken.None);
        var consent = Assert.Single(history);
        Assert.Equal(ConsentPurpose.ContactByPhone, consent.Purpose);
        Assert.Equal(ConsentMethod.Phone, consent.Method);
        Assert.Equal(Coordinator, consent.RecordedBy);
        Assert.Equal(PhoneScripts.Current.Version, consent.ScriptVersion);
        var letter = await db.OutboxMessages.SingleAsync(message => message.RecipientResidentId == residentId);
        Assert.Equal(OutboxKind.Letter, letter.Kind);
        Assert.Contains("7 Quiet Lane, " + postcode, letter.To, StringComparison.Ordinal);
        Assert.Contains(PhoneScripts.Current.Version, letter.Body, StringComparison.Ordinal);
        Assert.Contains(PhoneScripts.Question(ConsentPurpose.ContactByPhone), letter.Body, StringComparison.Ordinal);
        var actions = await db.AuditEntries.Where(entry => entry.SubjectResidentId == residentId && entry.ActorId == Coordinator).Select(entry => entry.Action).ToListAsync();
        Assert.Contains(AuditActions.CreatedOfflineResident, actions);
        Assert.Contains(AuditActions.RecordedPhoneConsent, actions);
    }

    public static async Task Acting_for_a_resident_needs_their_consent_and_audits_both_identities(ConnectiveWebFactory factory)
    {
        var residentId = await NewOfflineResidentAsync(factory);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);

        var page = await coordinator.Http.GetStringAsync($"/residents/{residentId}/act-for");
        var refused = await coordinator.PostFormAsync($"/residents/{residentId}/act-for?handler=Download", new Dictionary<string, string>());
        await GiveAsync(factory, residentId, ProxyContext.Purpose);
        var granted = await coordinator.PostFormAsync($"/residents/{residentId}/act-for?handler=Download", new Dictionary<string, string>());
        ProxyGrant asHelper;
        ProxyGrant otherWard;
        await using (var scope = factory.CreateScope())
        {
            var otherCoordinator = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RoleAssignments.Where(assignment => assignment.Role == Roles.Coordinator && assignment.UserId != Coordinator)
                .Select(assignment => assignment.UserId).FirstAsync();
            var proxy = scope.ServiceProvider.GetRequiredService<ProxyContext>();
            asHelper = await proxy.ForAsync(Principal("demo-helper", Roles.Helper), residentId, CancellationToken.None);
            otherWard = await proxy.ForAsync(Principal(otherCoordinator, Roles.Coordinator), residentId, CancellationToken.None);
        }

        Assert.Contains("data-testid=\"acting-for\">Walter Offline</h1>", page, StringComparison.Ordinal); // a name, not "Resident 154"
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("has not agreed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("application/zip", granted.Content.Headers.ContentType?.MediaType);
        Assert.False(asHelper.IsGranted);
        Assert.False(otherWard.IsGranted);
        Assert.Contains("ward", otherWard.RefusedBecause, StringComparison.Ordinal);
        await using var check = factory.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.Where(entry => entry.OnBehalfOfResidentId == residentId).OrderBy(entry => entry.Id).ToListAsync();
        Assert.Equal(
            [AuditActions.ActOnBehalfRefused, AuditActions.ActedOnBehalf, AuditActions.ExportedPersonalData, AuditActions.ActOnBehalfRefused, AuditActions.ActOnBehalfRefused],
            entries.Select(entry => entry.Action));
        Assert.Equal([Coordinator, Coordinator, Coordinator, "demo-helper"], entries.Take(4).Select(entry => entry.ActorId));
        Assert.All(entries, entry => Assert.Equal(residentId, entry.SubjectResidentId));
    }

    public static async Task A_resident_downloads_everything_as_json_and_csv_in_a_zip(ConnectiveWebFactory factory)
    {
        var (client, email, residentId) = await NewResidentWithAccountAsync(factory);
        using var _ = client;
        await GiveAsync(factory, residentId, ConsentPurpose.NetworkInsight);
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsentRecords>().WithdrawAsync(residentId, ConsentPurpose.NetworkInsight, "self", CancellationToken.None);
        }

        var response = await client.PostFormAsync("/account/my-data?handler=Download", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(entry => entry.FullName).ToHashSet();
        foreach (var part in new[] { "account", "resident", "household", "consents", "ties", "circles", "who-looked", "messages" })
        {
            Assert.Contains(part + ".json", names);
            Assert.Contains(part + ".csv", names);
        }
        using var account = JsonDocument.Parse(await ReadAsync(zip, "account.json"));
        Assert.Equal(email, account.RootElement[0].GetProperty("Email").GetString());
        using var consents = JsonDocument.Parse(await ReadAsync(zip, "consents.json"));
        var consent = Assert.Single(consents.RootElement.EnumerateArray());
        Assert.Equal("NetworkInsight", consent.GetProperty("Purpose").GetString());
        Assert.NotEqual(JsonValueKind.Null, consent.GetProperty("WithdrawnAt").ValueKind);
        var residentCsv = (await ReadAsync(zip, "resident.csv")).Split("\r\n");
        Assert.StartsWith("ResidentId,GivenName,FamilyName,BirthYear", residentCsv[0], StringComparison.Ordinal);
        Assert.StartsWith(residentId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",Ada,", residentCsv[1], StringComparison.Ordinal);
        Assert.Contains("Confirm your e-mail address", await ReadAsync(zip, "messages.csv"), StringComparison.Ordinal);
        await using var check = factory.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .AnyAsync(entry => entry.Action == AuditActions.ExportedPersonalData && entry.ActorId != Coordinator && entry.SubjectResidentId == null));
    }

    public static async Task Who_looked_shows_roles_and_dates_and_withholds_an_open_enquiry(ConnectiveWebFactory factory)
    {
        var (client, _, residentId) = await NewResidentWithAccountAsync(factory);
        using var _ = client;
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Http.GetAsync($"/residents/{residentId}/phone-consent")).StatusCode);
        long enquiry;
        var lead = Principal("demo-safeguardinglead", Roles.SafeguardingLead);
        await using (var scope = factory.CreateScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            enquiry = await audit.OpenEnquiryAsync(lead, AuditBasis.SafeguardingEnquiry, "Concern raised by a helper", residentId, CancellationToken.None);
            await audit.RecordAsync(lead, AuditActions.ViewedResident, residentId, "Concern raised by a helper",
                new AuditDetails(Basis: AuditBasis.SafeguardingEnquiry, EnquiryId: enquiry), CancellationToken.None);
            // A list the lead opens (the batch write) that shows the person is the enquiry's work too: withheld while open.
            await audit.RecordEachAsync(lead, AuditActions.ViewedWardResidentList, [residentId], "A ward list", CancellationToken.None);
        }

        var whileOpen = await client.Http.GetStringAsync("/account/my-data");
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().CloseEnquiryAsync(lead, enquiry, CancellationToken.None);
        }
        var afterClosing = await client.Http.GetStringAsync("/account/my-data");

        Assert.Contains("Coordinator", whileOpen, StringComparison.Ordinal);
        Assert.Contains("Looked at your record", whileOpen, StringComparison.Ordinal);
        Assert.DoesNotContain("Safeguarding lead", whileOpen, StringComparison.Ordinal);
        Assert.Contains("Safeguarding lead", afterClosing, StringComparison.Ordinal);
        Assert.Contains("For a safeguarding enquiry", afterClosing, StringComparison.Ordinal);
        Assert.DoesNotContain("Concern raised", afterClosing, StringComparison.Ordinal);
        Assert.DoesNotContain(Coordinator, afterClosing, StringComparison.Ordinal);
    }

    public static async Task Erasure_removes_the_person_keeps_audit_rows_and_lists_kept_records_with_reasons(ConnectiveWebFactory factory)
    {
        var (client, email, residentId) = await NewResidentWithAccountAsync(factory);
        using var _ = client;
        await GiveAsync(factory, residentId, ConsentPurpose.ContactByPhone);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);
        await coordinator.Http.GetAsync($"/residents/{residentId}/phone-consent");
        string accountId;
        int auditBefore;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            accountId = await db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync();
            auditBefore = await db.AuditEntries.CountAsync(entry => entry.SubjectResidentId == residentId);
        }

        var erased = await client.PostFormAsync("/account/my-data/erase", new Dictionary<string, string> { ["Confirm"] = "true" });
        var html = await erased.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("Your data has been erased", html, StringComparison.Ordinal);
        Assert.Contains("Audit log entries about you or by you", html, StringComparison.Ordinal);
        Assert.Contains("The law requires a record", html, StringComparison.Ordinal);
        Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
        await using var check = factory.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await after.Residents.AnyAsync(resident => resident.Id == residentId));
        Assert.False(await after.Users.AnyAsync(user => user.Id == accountId));
        Assert.False(await after.UserRoles.AnyAsync(link => link.UserId == accountId));
        Assert.Empty(await check.ServiceProvider.GetRequiredService<ConsentRecords>().HistoryAsync(residentId, CancellationToken.None));
        Assert.Equal(auditBefore, await after.AuditEntries.CountAsync(entry => entry.SubjectResidentId == residentId));
        Assert.True(await after.AuditEntries.AnyAsync(entry => entry.Action == AuditActions.ErasedPerson && entry.ActorId == accountId && entry.SubjectResidentId == null));
        var receipt = await after.OutboxMessages.SingleAsync(message => message.To == email);
        Assert.True(receipt.RecipientErased);
        Assert.Contains("Kept: ", receipt.Body, StringComparison.Ordinal);
        Assert.Contains("Audit log entries", receipt.Body, StringComparison.Ordinal); // among the kept records, in whatever order the areas list them
        var outbox = await coordinator.Http.GetStringAsync("/outbox");
        Assert.DoesNotContain(email, outbox, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task A_feature_keeps_a_record_through_its_erasure_participant_and_the_receipt_says_why(ConnectiveWebFactory factory)
    {
        var residentId = await NewOfflineResidentAsync(factory);
        await using var scope = factory.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var kept = new KeepsMoneyHandled();
        var erasure = new PersonErasure(db, services.GetRequiredService<ConsentRecords>(), services.GetRequiredService<ConsentedNetwork>(), services.GetRequiredService<AuditLog>(),
            [kept], services.GetRequiredService<TimeProvider>());

        var receipt = await erasure.EraseAsync(Principal(Coordinator, Roles.Coordinator), new DataSubject(residentId, null), CancellationToken.None);

        Assert.Equal(residentId, kept.AskedFor);
        var item = Assert.Single(receipt.KeptItems, item => item.What == "Money handled");
        Assert.Equal(2, item.Count);
        Assert.Equal("Financial records are kept for six years.", item.KeptBecause);
        Assert.Contains(receipt.Erased, erased => erased.What.StartsWith("Your resident record", StringComparison.Ordinal) && erased.Count == 1);
        Assert.Contains("Money handled (2), because: Financial records are kept for six years.", PersonErasure.ReceiptText(receipt), StringComparison.Ordinal);
        Assert.False(await db.Residents.AnyAsync(resident => resident.Id == residentId));
        var letter = await db.OutboxMessages.OrderByDescending(message => message.Id).FirstAsync();
        Assert.Equal(OutboxKind.Letter, letter.Kind);
        Assert.True(letter.RecipientErased);
    }

    /// <summary>Erasing a resident with ties removes the ties and consent, keeps the household others live in, and leaves the ward's other people alone.</summary>
    public static async Task Erasure_on_behalf_of_a_resident_with_ties_runs_through_the_proxy(ConnectiveWebFactory factory)
    {
        int residentId;
        int wardId;
        int wardResidents;
        var coordinatorWard = await FirstWardIdAsync(factory);
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A demo resident without an account who shares a household and has ties: the hardest ordinary case.
            var candidate = await db.Residents
                .Where(resident => resident.WardId == coordinatorWard && !resident.HasAccount && !db.Users.Any(user => user.ResidentId == resident.Id)
                    && db.Residents.Count(other => other.HouseholdId == resident.HouseholdId) > 1
                    && db.Ties.Any(tie => tie.PersonAId == resident.Id || tie.PersonBId == resident.Id))
                .OrderByDescending(resident => resident.Id)
                .Select(resident => new { resident.Id, resident.WardId })
                .FirstAsync();
            (residentId, wardId) = (candidate.Id, candidate.WardId);
            wardResidents = await db.Residents.CountAsync(resident => resident.WardId == wardId);
        }
        await GiveAsync(factory, residentId, ProxyContext.Purpose);
        using var coordinator = await AccountClient.SignedInAsDemoAsync(factory, Roles.Coordinator);

        var erased = await coordinator.PostFormAsync($"/residents/{residentId}/act-for?handler=Erase", new Dictionary<string, string> { ["confirm"] = "true" });

        var html = await erased.Content.ReadAsStringAsync();
        Assert.True(erased.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Other people on our records live there", html, StringComparison.Ordinal);
        await using var check = factory.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await after.Ties.AnyAsync(tie => tie.PersonAId == residentId || tie.PersonBId == residentId));
        Assert.False(await after.Residents.AnyAsync(resident => resident.Id == residentId));
        Assert.Equal(wardResidents - 1, await after.Residents.CountAsync(resident => resident.WardId == wardId));
        Assert.True(await after.AuditEntries.AnyAsync(entry => entry.Action == AuditActions.ActedOnBehalf && entry.OnBehalfOfResidentId == residentId && entry.ActorId == Coordinator));
    }

    private sealed class KeepsMoneyHandled : IErasureParticipant
    {
        public int? AskedFor { get; private set; }

        public Task<IReadOnlyList<ErasureItem>> EraseAsync(AppDbContext db, DataSubject person, CancellationToken cancellationToken)
        {
            AskedFor = person.ResidentId;
            return Task.FromResult<IReadOnlyList<ErasureItem>>([ErasureItem.Kept("Money handled", 2, "Financial records are kept for six years.")]);
        }
    }

    private static ClaimsPrincipal Principal(string accountId, string role) =>
        // Signed in with a second factor, as a staff role must be to count.
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId), new Claim(ClaimTypes.Role, role), new Claim(SecondFactor.MethodClaim, "mfa")], "test"));

    private static async Task<int> FirstWardIdAsync(ConnectiveWebFactory factory)
    {
        await using var scope = factory.CreateScope();
        // The demo Coordinator's ward (ward A): coordinators handle residents of the wards they cover.
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().RoleAssignments
            .Where(assignment => assignment.UserId == Coordinator && assignment.Role == Roles.Coordinator).Select(assignment => assignment.WardId).FirstAsync())!.Value;
    }

    private static async Task<int> NewOfflineResidentAsync(ConnectiveWebFactory factory)
    {
        var wardId = await FirstWardIdAsync(factory);
        await using var scope = factory.CreateScope();
        var resident = await scope.ServiceProvider.GetRequiredService<ResidentRecords>().CreateAsync(
            new NewResident("Walter", "Offline", 1938, null, "1 Lone Road " + Guid.NewGuid().ToString("N")[..6], "ZZ9 9ZZ", wardId), email: null, CancellationToken.None);
        return resident.Id;
    }

    private static async Task GiveAsync(ConnectiveWebFactory factory, int residentId, ConsentPurpose purpose)
    {
        await using var scope = factory.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ConsentRecords>().GiveAsync(residentId, purpose, ConsentMethod.Online, "self", null, CancellationToken.None);
    }

    /// <summary>On the person's own details page, the error messages speak to them ("your"), not about someone else ("their").</summary>
    public static async Task Own_details_errors_address_the_person_as_you(ConnectiveWebFactory factory)
    {
        var email = "person-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        using var client = new AccountClient(factory);
        await client.SignUpAsync(email, IdentityChecks.GoodPassword);
        await using (var scope = factory.CreateScope())
        {
            var link = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
                .Where(message => message.To == email && message.Link != null).Select(message => message.Link).SingleAsync())!;
            await client.Http.GetStringAsync(new Uri(link).PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, IdentityChecks.GoodPassword)).StatusCode);

        var empty = await client.PostFormAsync("/account/details", new Dictionary<string, string> { ["Form.GivenName"] = "" });
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter your first name", html, StringComparison.Ordinal);
        Assert.Contains("Enter the year you were born", html, StringComparison.Ordinal);
        Assert.Contains("Enter the first line of your address", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter their", html, StringComparison.Ordinal);
    }

    /// <summary>A new signed-in resident with a confirmed account and a resident record in the demo Coordinator's ward.</summary>
    internal static async Task<(AccountClient Client, string Email, int ResidentId)> NewResidentWithAccountAsync(ConnectiveWebFactory factory)
    {
        var email = "person-" + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        var client = new AccountClient(factory);
        await client.SignUpAsync(email, IdentityChecks.GoodPassword);
        string link;
        await using (var scope = factory.CreateScope())
        {
            link = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
                .Where(message => message.To == email && message.Link != null).Select(message => message.Link).SingleAsync())!;
        }
        await client.Http.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, IdentityChecks.GoodPassword)).StatusCode);
        var wardId = await FirstWardIdAsync(factory);
        var saved = await client.PostFormAsync("/account/details", new Dictionary<string, string>
        {
            ["Form.GivenName"] = "Ada",
            ["Form.FamilyName"] = "Tester",
            ["Form.BirthYear"] = "1980",
            ["Form.AddressLine"] = "3 New Street " + Guid.NewGuid().ToString("N")[..6],
            ["Form.Postcode"] = "ZZ2 2ZZ",
            ["Form.WardId"] = wardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var check = factory.CreateScope();
        var residentId = await check.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>().Users
            .Where(user => user.Email == email).Select(user => user.ResidentId).SingleAsync();
        return (client, email, residentId!.Value);
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return await reader.ReadToEndAsync();
    }
}
