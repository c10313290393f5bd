using System.Net;
using System.Text.RegularExpressions;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Tests.Fixtures;
using Connective.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Operations;

/// <summary>
/// Mail through a real SMTP relay on loopback that the tests take down and bring back: a page never waits for the relay,
/// nothing is lost while it is down, nothing is sent twice by a restarted or a second instance, and admins see failures.
/// Written once, run on each provider (each check on its own fresh database).
/// </summary>
internal static partial class MailDeliveryChecks
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task Sign_up_with_the_relay_down_answers_normally_and_the_mail_arrives_once_when_it_returns(DatabaseProvider provider, string connectionString)
    {
        await using var relay = new LoopbackSmtpRelay();
        var email = $"relay-{Guid.NewGuid():N}@example.org";
        long messageId;
        await using (var app = NewApp(provider, connectionString, relay))
        {
            using var client = new AccountClient(app);

            // Act 1: the relay is down.
            using var signUp = await client.SignUpAsync(email, IdentityChecks.GoodPassword);
            Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
            Assert.Equal("/account/check-email", signUp.Headers.Location?.OriginalString);
            var failed = await WaitForAsync(app, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.To == email && m.Attempts >= 1 && m.LastError != null));
            messageId = failed.Id;
            Assert.Null(failed.SentAt);
            Assert.True(await UserExistsAsync(app, email), "the account is made whether or not the relay is up");

            // Act 2: the relay comes back.
            relay.Start();
            var sent = await WaitForAsync(app, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.SentAt != null));
            Assert.Null(sent.Link); // the confirmation code is not kept once delivered
        }

        // Act 3: a new instance on the same database (a restart) finds nothing left to send.
        await using (var restarted = NewApp(provider, connectionString, relay))
        {
            restarted.CreateClient().Dispose();
            await Task.Delay(TimeSpan.FromSeconds(4)); // several polls of one second
            var received = Assert.Single(relay.Received, message => message.To.Contains(email));
            Assert.Contains($"Message-Id: <outbox-{messageId}@", received.Data, StringComparison.OrdinalIgnoreCase);

            // The link that arrived works: the person can confirm their address from the mail.
            var link = ConfirmationLink().Match(Unfold(received.Data));
            Assert.True(link.Success, "the mail should carry the confirmation link: " + received.Data);
            using var client = new AccountClient(restarted);
            var confirmed = await client.Http.GetStringAsync(new Uri(WebUtility.HtmlDecode(link.Value)).PathAndQuery);
            Assert.Contains("E-mail address confirmed", confirmed, StringComparison.Ordinal);
        }
        Assert.Single(relay.Received, message => message.To.Contains(email));
    }

    public static async Task Given_up_mail_is_listed_for_admins_and_sent_again_on_request(DatabaseProvider provider, string connectionString)
    {
        await using var relay = new LoopbackSmtpRelay();
        var email = $"given-up-{Guid.NewGuid():N}@example.org";
        await using var app = NewApp(provider, connectionString, relay, maxAttempts: 2);
        using var resident = new AccountClient(app);
        using var signUp = await resident.SignUpAsync(email, IdentityChecks.GoodPassword);
        var givenUp = await WaitForAsync(app, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.To == email && m.GaveUpAt != null));
        Assert.Equal(2, givenUp.Attempts);

        using var admin = await AccountClient.SignedInAsDemoAsync(app, Roles.Admin);
        using var resident2 = new AccountClient(app);
        var page = await admin.Http.GetStringAsync("/admin/mail");
        var accountPage = await admin.Http.GetStringAsync("/account");
        using var residentView = await resident2.Http.GetAsync("/admin/mail");
        relay.Start();
        using var retry = await admin.PostFormAsync("/admin/mail?handler=Retry", new Dictionary<string, string>());
        var sent = await WaitForAsync(app, db => db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == givenUp.Id && m.SentAt != null));

        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("Given up", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/mail\"", accountPage, StringComparison.Ordinal); // admins reach it by a link
        Assert.NotEqual(HttpStatusCode.OK, residentView.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Single(relay.Received, message => message.To.Contains(email));
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(entry => entry.Action == AuditActions.RetriedMail));
    }

    public static async Task Two_instances_on_one_database_send_each_message_exactly_once(DatabaseProvider provider, string connectionString)
    {
        await using var relay = new LoopbackSmtpRelay();
        relay.Start();
        await using var first = NewApp(provider, connectionString, relay);
        first.CreateClient().Dispose();
        await using var second = NewApp(provider, connectionString, relay, migrateAndSeedOnStart: false);
        second.CreateClient().Dispose();
        const int count = 60;
        var marker = Guid.NewGuid().ToString("N")[..8];
        await using (var scope = first.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < count; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage { To = $"both-{marker}-{i}@example.org", Subject = "Two senders", Body = "One copy each.", CreatedAt = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
        }

        await WaitForAsync(first, async db => await db.OutboxMessages.CountAsync(m => m.To.StartsWith("both-" + marker) && m.SentAt != null) == count ? "all" : null);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a late duplicate would arrive within a poll or two

        var delivered = relay.Received.SelectMany(message => message.To).Where(to => to.StartsWith("both-" + marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(count, delivered.Count);
        Assert.Equal(count, delivered.Distinct().Count());
    }

    private static ConnectiveWebFactory NewApp(DatabaseProvider provider, string connectionString, LoopbackSmtpRelay relay, int maxAttempts = 12, bool migrateAndSeedOnStart = true) =>
        new(provider, connectionString, demoResidents: 200, migrateAndSeedOnStart: migrateAndSeedOnStart, settings: new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:EnableSsl"] = "false",
            ["Mail:Smtp:From"] = "Connective <connective@test.example>",
            ["Mail:PollSeconds"] = "1",
            ["Mail:RetryAfterSeconds"] = "1",
            ["Mail:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static async Task<T> WaitForAsync<T>(ConnectiveWebFactory app, Func<AppDbContext, Task<T?>> query)
        where T : class
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var scope = app.CreateScope())
            {
                if (await query(scope.ServiceProvider.GetRequiredService<AppDbContext>()) is { } found)
                {
                    return found;
                }
            }
            Assert.True(DateTime.UtcNow < until, $"gave up waiting after {Patience.TotalSeconds} s");
            await Task.Delay(250);
        }
    }

    private static async Task<bool> UserExistsAsync(ConnectiveWebFactory app, string email)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(user => user.Email == email);
    }

    /// <summary>Undoes quoted-printable soft line breaks, so a long link reads as one string.</summary>
    private static string Unfold(string data) => data.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);

    [GeneratedRegex(@"https?://[^\s]+/account/confirm-email\?[^\s]+")]
    private static partial Regex ConfirmationLink();
}
