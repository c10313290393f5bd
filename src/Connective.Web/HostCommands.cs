using System.CommandLine;
using System.Security.Claims;
using Connective.Web.Data;
using Connective.Web.Demo;
using Connective.Web.Features.Circle.Matching.Simulation;
using Connective.Web.Infrastructure;
using Connective.Web.Platform.Access;
using Connective.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connective.Web;

/// <summary>
/// The web host's commands (`migrate`, `seed`, `backup`, `admin`, `simulate-circle`), parsed with System.CommandLine
/// like the `connective` CLI. They live beside Program.cs because, like it, this is where the areas are composed;
/// Data/ and the areas know nothing of the command line. Anything that is not a command (no arguments, or settings
/// such as `--urls`) starts the web server with the arguments as configuration.
/// </summary>
internal sealed class HostCommands
{
    /// <summary>What `admin` commands record as the actor in the audit log: no account, the operator at the server.</summary>
    public const string CommandLineActor = "command-line";

    private static readonly string[] Names = ["migrate", "seed", "backup", "admin", CircleSimulationCommand.Name, "help", "--help", "-h", "-?"];
    private static readonly string[] DatabaseOnlyCommands = ["migrate", "backup"];

    private readonly ParseResult _parsed;
    private IServiceProvider? _services;

    private HostCommands(string[] args)
    {
        var root = new RootCommand("Connective's web host. With no command it serves the platform; these commands run once and exit.");
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Seed());
        root.Subcommands.Add(Backup());
        root.Subcommands.Add(Admin());
        root.Subcommands.Add(SimulateCircle());
        _parsed = root.Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        NeedsOnlyTheDatabase = args.Length > 0 && DatabaseOnlyCommands.Contains(args[0]);
        NeedsTheApp = _parsed.Errors.Count == 0 && _parsed.Action is not System.CommandLine.Help.HelpAction && args[0] != CircleSimulationCommand.Name;
    }

    /// <summary>False for usage errors, help and commands that need no database: they run before any set-up, so a mistyped option is reported even where the app could not start.</summary>
    public bool NeedsTheApp { get; }

    /// <summary>True for commands that touch nothing but the database, so they run without the data-protection certificate.</summary>
    public bool NeedsOnlyTheDatabase { get; }

    /// <summary>The usage errors, for tests; empty when the arguments parsed.</summary>
    public IReadOnlyList<string> Errors => [.. _parsed.Errors.Select(error => error.Message)];

    /// <summary>The command the arguments name, or null when they do not start with one and the app should serve.</summary>
    public static HostCommands? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal) ? new HostCommands(args) : null;
    }

    /// <summary>Runs the command against the composed app (not started; null when <see cref="NeedsTheApp"/> is false); returns the exit code (2: usage error).</summary>
    public async Task<int> RunAsync(WebApplication? app)
    {
        _services = app?.Services;
        var exitCode = await _parsed.InvokeAsync();
        return _parsed.Errors.Count > 0 ? 2 : exitCode;
    }

    private Command Migrate()
    {
        var command = new Command("migrate", "Apply the database migrations; a new database is recorded as a real one, never to be seeded. Needs only the database.");
        command.SetAction((_, cancellationToken) => WithScope(async (scope, output) =>
        {
            await scope.GetRequiredService<DemoSeeder>().MigrateAsync(markAsRealIfNew: true, cancellationToken);
            await output.WriteLineAsync("Migrations applied.");
            return 0;
        }));
        return command;
    }

    private Command Seed()
    {
        var residents = new Option<int?>("--residents") { Description = $"Residents in the demo borough ({DemoOptions.MinResidents} to {DemoOptions.MaxResidents:N0}; default Demo:Residents)." };
        residents.Validators.Add(result =>
        {
            // Only a number can be out of range; a word is already refused by the option's own conversion.
            if (int.TryParse(result.Tokens.SingleOrDefault()?.Value, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is < DemoOptions.MinResidents or > DemoOptions.MaxResidents)
            {
                result.AddError($"--residents must be from {DemoOptions.MinResidents} to {DemoOptions.MaxResidents:N0}, got {count}.");
            }
        });
        var seed = new Option<ulong?>("--seed") { Description = "The seed: the same seed and size always give the same borough (default Demo:Seed)." };
        var command = new Command("seed", "Migrate, then write the demo borough into a new or demo database (never a real one).") { residents, seed };
        command.SetAction((result, cancellationToken) => WithScope(async (scope, output) =>
        {
            var defaults = scope.GetRequiredService<IOptions<DemoOptions>>().Value;
            var seeder = scope.GetRequiredService<DemoSeeder>();
            await seeder.MigrateAsync(markAsRealIfNew: false, cancellationToken);
            var outcome = await seeder.SeedAsync(result.GetValue(residents) ?? defaults.Residents, result.GetValue(seed) ?? defaults.Seed, cancellationToken);
            // A command's outcome is for the person at the terminal: a plain sentence, not a log record.
            await (outcome.Seeded ? output : Console.Error).WriteLineAsync(outcome.Message);
            return outcome.Seeded ? 0 : 1;
        }));
        return command;
    }

    private Command Backup()
    {
        var to = new Option<FileInfo>("--to") { Description = "The backup file to write (it must not exist yet).", Required = true };
        var command = new Command("backup", "Write a consistent copy of the database while the app may be serving (SQLite: VACUUM INTO; PostgreSQL: pg_dump in its custom format).") { to };
        command.SetAction((result, cancellationToken) => WithScope(async (scope, output) =>
        {
            var target = result.GetValue(to)!;
            if (target.Exists)
            {
                await Console.Error.WriteLineAsync($"backup: {target.FullName} already exists: choose a new file name, so that no earlier backup is overwritten.");
                return 1;
            }
            var db = scope.GetRequiredService<AppDbContext>();
            var connectionString = db.Database.GetConnectionString()!;
            if (db.Database.IsSqlite())
            {
                await SqliteBackup.BackUpAsync(connectionString, target.FullName, cancellationToken);
            }
            else
            {
                var failure = await PostgresBackup.DumpAsync(connectionString, target.FullName, cancellationToken);
                if (failure is not null)
                {
                    await Console.Error.WriteLineAsync("backup: " + failure);
                    return 1;
                }
            }
            await output.WriteLineAsync($"Backed up to {target.FullName} ({new FileInfo(target.FullName).Length:N0} bytes).");
            return 0;
        }));
        return command;
    }

    private Command Admin()
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address.", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"A role to grant borough-wide (repeatable; default {Roles.Admin}): {string.Join(", ", Roles.All)}.", DefaultValueFactory = _ => [Roles.Admin] };
        roles.AcceptOnlyFromAmong([.. Roles.All]);
        var create = new Command("create", "Create an account (or promote an existing one) with the given roles, and print a one-time link to set its password. Audited.") { email, roles };
        create.SetAction((result, cancellationToken) => WithScope((scope, output) =>
            CreateAdminAsync(scope, result.GetValue(email)!, result.GetValue(roles)!, output, cancellationToken)));

        var role = new Option<string>("--role") { Description = "The role.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var grant = new Command("grant", "Grant a role borough-wide (recovery when no admin can sign in). Ends the account's sessions. Audited.") { email, role };
        grant.SetAction((result, cancellationToken) => WithScope((scope, output) =>
            ChangeRoleAsync(scope, result.GetValue(email)!, result.GetValue(role)!, grant: true, output, cancellationToken)));
        var revoke = new Command("revoke", "Revoke a borough-wide role. Ends the account's sessions. Audited.") { email, role };
        revoke.SetAction((result, cancellationToken) => WithScope((scope, output) =>
            ChangeRoleAsync(scope, result.GetValue(email)!, result.GetValue(role)!, grant: false, output, cancellationToken)));

        return new Command("admin", "Manage accounts and roles from the server: the first administrator, and recovery.") { create, grant, revoke };
    }

    private static Command SimulateCircle()
    {
        var residents = new Option<int>("--residents") { Description = "Residents in the simulated borough (100 to 2,000,000).", DefaultValueFactory = _ => 100_000 };
        residents.Validators.Add(result =>
        {
            if (int.TryParse(result.Tokens.SingleOrDefault()?.Value, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is < 100 or > 2_000_000)
            {
                result.AddError($"--residents must be from 100 to 2,000,000, got {count}.");
            }
        });
        var seed = new Option<ulong>("--seed") { Description = "The seed of the borough and the month.", DefaultValueFactory = _ => 20_260_101 };
        var command = new Command(CircleSimulationCommand.Name, "Simulate a month of Circle requests in memory (no database): the platform's ranking and waves against the nearest-three baseline.") { residents, seed };
        command.SetAction(async result =>
        {
            await CircleSimulationCommand.RunAsync(result.GetValue(residents), result.GetValue(seed), Console.Out);
            return 0;
        });
        return command;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider scope, string email, string[] roles, TextWriter output, CancellationToken cancellationToken)
    {
        var users = scope.GetRequiredService<UserManager<ConnectiveUser>>();
        var audit = scope.GetRequiredService<AuditLog>();
        var address = email.Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address))
        {
            await Console.Error.WriteLineAsync($"admin create: '{email}' is not an e-mail address.");
            return 2;
        }
        var user = await users.FindByEmailAsync(address);
        var created = user is null;
        if (user is null)
        {
            // The operator at the server vouches for the address; the person chooses a password from the link and sets up
            // a second factor at their first sign-in, as every staff account must.
            user = new ConnectiveUser { UserName = address, Email = address, EmailConfirmed = true };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync("admin create: " + string.Join(" ", result.Errors.Select(error => error.Description)));
                return 1;
            }
            await audit.AccountEventAsync(AuditActions.AccountCreatedFromCommandLine, user.Id, cancellationToken);
        }
        foreach (var role in roles.Distinct())
        {
            if (!await users.IsInRoleAsync(user, role) && await scope.GetRequiredService<RoleGrants>().GrantAsync(Actor(), address, role, null, cancellationToken) is { } refused)
            {
                await Console.Error.WriteLineAsync($"admin create: {role}: {refused}.");
                return 1;
            }
        }
        await output.WriteLineAsync($"{(created ? "Created" : "Updated")} {address} with {string.Join(", ", (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal))}.");
        if (created || !await users.HasPasswordAsync(user))
        {
            var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            // The page's path as it is routed, not the link generator: pages' routes are only assembled when the app serves.
            var link = scope.GetRequiredService<PublicLinks>().Absolute("/Account/ResetPassword?code=" + Uri.EscapeDataString(code));
            await output.WriteLineAsync($"Send this one-time link to its owner to choose a password (it works once, and stops working after a day): {link}");
        }
        else
        {
            await output.WriteLineAsync("The account already has a password: its owner signs in as usual, and sets up a second factor if a staff role needs one.");
        }
        return 0;
    }

    private static async Task<int> ChangeRoleAsync(IServiceProvider scope, string email, string role, bool grant, TextWriter output, CancellationToken cancellationToken)
    {
        var users = scope.GetRequiredService<UserManager<ConnectiveUser>>();
        var roleGrants = scope.GetRequiredService<RoleGrants>();
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            await Console.Error.WriteLineAsync($"admin: no account has the e-mail address '{email}'.");
            return 1;
        }
        var refused = grant
            ? await roleGrants.GrantAsync(Actor(), user.Email!, role, null, cancellationToken)
            : await roleGrants.RevokeAsync(Actor(), user.Id, role, null, cancellationToken);
        if (refused is not null)
        {
            await Console.Error.WriteLineAsync($"admin {(grant ? "grant" : "revoke")}: {refused}.");
            return 1;
        }
        await output.WriteLineAsync($"{(grant ? "Granted" : "Revoked")} {role} {(grant ? "to" : "from")} {user.Email}; their sessions end at their next request.");
        return 0;
    }

    /// <summary>The actor the audit log records for a command: the operating-system user at the server, not an account.</summary>
    private static ClaimsPrincipal Actor() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, $"{CommandLineActor}:{Environment.UserName}")], authenticationType: CommandLineActor));

    /// <summary>Runs a command's work in a DI scope, so scoped services (the DbContext) live only as long as the command.</summary>
    private async Task<int> WithScope(Func<IServiceProvider, TextWriter, Task<int>> work)
    {
        var services = _services ?? throw new InvalidOperationException("The command runs only after the app is composed.");
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider, Console.Out);
    }
}
