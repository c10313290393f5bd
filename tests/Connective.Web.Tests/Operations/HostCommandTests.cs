using System.Diagnostics;
using Connective.Web.Data;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Connective.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connective.Web.Tests.Operations;

/// <summary>
/// The web host's commands as an operator runs them: the real program in its own process, in Production, on a SQLite
/// file (docs/operations.md). Usage errors are checked in-process through the same parser.
/// </summary>
public sealed class HostCommandTests
{
    [Theory]
    [InlineData("seed --residents 5", "--residents must be from 100")]
    [InlineData("seed --residents many", "many")]
    [InlineData("simulate-circle --residents 50", "--residents must be from 100")]
    [InlineData("admin create", "--email")]
    [InlineData("admin create --email a@b.example --role Mayor", "Mayor")]
    [InlineData("backup", "--to")]
    [InlineData("migrate --now", "--now")]
    public void A_mistyped_command_is_a_usage_error_that_names_the_option(string arguments, string named)
    {
        var command = HostCommands.Parse(arguments.Split(' '))!;

        Assert.False(command.NeedsTheApp);
        Assert.Contains(command.Errors, error => error.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:5000")]
    [InlineData("--Demo:Residents=1000")]
    public void Anything_that_is_not_a_command_serves_with_the_arguments_as_configuration(string arguments) =>
        Assert.Null(HostCommands.Parse(arguments.Length == 0 ? [] : arguments.Split(' ')));

    [Fact]
    public async Task Migrate_needs_only_the_database_and_records_a_real_database()
    {
        using var file = new TempSqliteFile();

        var (exitCode, output, error) = await RunAsync(file, withCertificate: false, "migrate");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Migrations applied.", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT IsDemo FROM DatabaseInfo";
        Assert.Equal(0L, await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_start_that_fails_says_why_in_one_structured_line_and_exits_with_1()
    {
        using var file = new TempSqliteFile();

        var (exitCode, output, error) = await RunAsync(file, withCertificate: false);

        Assert.Equal(1, exitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("Critical", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains("DataProtection:CertificatePath is not set", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_create_makes_the_first_admin_with_a_working_one_time_link_and_is_audited()
    {
        using var file = new TempSqliteFile();
        Assert.Equal(0, (await RunAsync(file, withCertificate: false, "migrate")).ExitCode);

        var (exitCode, output, error) = await RunAsync(file, withCertificate: true, "admin", "create", "--email", "first.admin@council.example");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Created first.admin@council.example with Admin.", output, StringComparison.Ordinal);
        var link = output.Split(' ', '\n').Single(word => word.StartsWith(ConnectiveWebFactory.TestPublicBaseUrl + "Account/ResetPassword?code=", StringComparison.Ordinal)).Trim();
        var token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Uri.UnescapeDataString(link.Split("code=")[1])));

        // The server, started on the same database and certificate, accepts the link: the keys the command used are the app's.
        await using (var app = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production", migrateAndSeedOnStart: false))
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
            var admin = await users.FindByEmailAsync("first.admin@council.example");
            Assert.NotNull(admin);
            Assert.True(admin.EmailConfirmed);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
            Assert.True(await users.VerifyUserTokenAsync(admin, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ConnectiveUser>.ResetPasswordTokenPurpose, token));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var audited = await db.AuditEntries.AsNoTracking().Where(entry => entry.SubjectAccountId == admin.Id).Select(entry => new { entry.Action, entry.ActorId }).ToListAsync();
            Assert.Contains(audited, entry => entry.Action == AuditActions.AccountCreatedFromCommandLine);
            Assert.Contains(audited, entry => entry.Action == AuditActions.RoleGranted && entry.ActorId.StartsWith(HostCommands.CommandLineActor + ":", StringComparison.Ordinal));
        }

        // Recovery: roles granted and revoked from the server, each audited.
        var granted = await RunAsync(file, withCertificate: true, "admin", "grant", "--email", "first.admin@council.example", "--role", "SafeguardingLead");
        Assert.True(granted.ExitCode == 0, granted.Error);
        var revoked = await RunAsync(file, withCertificate: true, "admin", "revoke", "--email", "first.admin@council.example", "--role", "Admin");
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        var unknown = await RunAsync(file, withCertificate: true, "admin", "grant", "--email", "nobody@council.example", "--role", "Admin");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no account has the e-mail address", unknown.Error, StringComparison.Ordinal);
        await using var check = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, environment: "Production", migrateAndSeedOnStart: false);
        using var checkScope = check.Services.CreateScope();
        var accounts = checkScope.ServiceProvider.GetRequiredService<UserManager<ConnectiveUser>>();
        var account = (await accounts.FindByEmailAsync("first.admin@council.example"))!;
        Assert.Equal([Roles.SafeguardingLead], await accounts.GetRolesAsync(account));
        Assert.Equal(3, await checkScope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .CountAsync(entry => entry.SubjectAccountId == account.Id && (entry.Action == AuditActions.RoleGranted || entry.Action == AuditActions.RoleRevoked)));
    }

    [Fact]
    public async Task Backup_writes_a_copy_once_and_never_over_an_earlier_backup()
    {
        using var file = new TempSqliteFile();
        Assert.Equal(0, (await RunAsync(file, withCertificate: false, "migrate")).ExitCode);
        var target = file.FilePath + ".backup";

        var first = await RunAsync(file, withCertificate: false, "backup", "--to", target);
        var second = await RunAsync(file, withCertificate: false, "backup", "--to", target);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(new FileInfo(target).Length > 0);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs the web host as `dotnet Connective.Web.dll ARGS` in Production on the file, as an operator would.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TempSqliteFile file, bool withCertificate, params string[] arguments)
    {
        var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Connective.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Connective"] = file.ConnectionString;
        start.Environment["Platform__PublicBaseUrl"] = ConnectiveWebFactory.TestPublicBaseUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        if (withCertificate)
        {
            start.Environment["DataProtection__CertificatePath"] = TestCertificate.PfxPath;
            start.Environment["DataProtection__CertificatePassword"] = TestCertificate.Password;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // a command that hangs must not outlive the test
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
