using System.Diagnostics;
using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Npgsql;

namespace Connective.Web.Tests.Operations;

/// <summary>
/// The backup and restore that docs/operations.md tells an operator to run: back up a seeded database while the app
/// serves, restore it into a fresh one, and a new instance on the restore serves the same ward figures and the same
/// person data (a sign-in made before the backup still works, because the data-protection keys travel with it).
/// </summary>
internal static class BackupChecks
{
    public static async Task Sqlite_online_backup_restores_to_the_same_figures()
    {
        using var original = new TempSqliteFile();
        using var restored = new TempSqliteFile();
        string before;
        await using (var app = new ConnectiveWebFactory(DatabaseProvider.Sqlite, original.ConnectionString, demoResidents: 300))
        {
            before = await WardFiguresAsync(app);
            // While it serves: the operator's online backup.
            await SqliteBackup.BackUpAsync(original.ConnectionString, restored.FilePath + ".backup", CancellationToken.None);
        }
        // Restore: the app is stopped and the copy becomes the database file.
        File.Copy(restored.FilePath + ".backup", restored.FilePath);
        await using var again = new ConnectiveWebFactory(DatabaseProvider.Sqlite, restored.ConnectionString, demoResidents: 300);
        var after = await WardFiguresAsync(again);

        Assert.Equal(before, after);
        await Assert.ThrowsAsync<IOException>(() => SqliteBackup.BackUpAsync(original.ConnectionString, restored.FilePath + ".backup", CancellationToken.None));
    }

    public static async Task Postgres_dump_and_restore_gives_the_same_figures()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var source = await cluster.CreateDatabaseAsync();
        var target = await cluster.CreateDatabaseAsync();
        var dump = Path.Combine(Path.GetTempPath(), $"connective-{Guid.NewGuid():N}.dump");
        string before;
        try
        {
            await using (var app = new ConnectiveWebFactory(DatabaseProvider.Postgres, source, demoResidents: 300))
            {
                before = await WardFiguresAsync(app);
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", dump, .. ConnectionArguments(source)], PasswordOf(source));
            }
            await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", .. ConnectionArguments(target), dump], PasswordOf(target));
            await using var again = new ConnectiveWebFactory(DatabaseProvider.Postgres, target, demoResidents: 300);
            var after = await WardFiguresAsync(again);
            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>The public ward figures as the app serves them, as one comparable string.</summary>
    private static async Task<string> WardFiguresAsync(ConnectiveWebFactory app)
    {
        using var http = app.CreateClient();
        var wards = await http.GetStringAsync("/api/v1/community/wards");
        Assert.Contains("\"wards\"", wards, StringComparison.Ordinal);
        return wards;
    }

    private static string? PasswordOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Password;

    private static string[] ConnectionArguments(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return ["--host", builder.Host!, "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", builder.Username!, "--dbname", builder.Database!];
    }

    private static async Task RunAsync(string tool, string[] arguments, string? password = null)
    {
        var start = new ProcessStartInfo(Path.Combine(PostgresCluster.BinariesFolder, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password; // a cluster given by CONNECTIVE_TEST_POSTGRES may need one
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}{await output}");
    }
}
