using System.Diagnostics;
using Npgsql;

namespace Connective.Web.Data;

/// <summary>
/// A backup of the PostgreSQL database with PostgreSQL's own tool, `pg_dump --format=custom` (restored with
/// `pg_restore`, docs/operations.md): consistent while the app serves, and restorable into a newer server.
/// </summary>
public static class PostgresBackup
{
    /// <summary>Dumps the database the connection string names into <paramref name="targetPath"/>; returns why it failed, or null.</summary>
    public static async Task<string?> DumpAsync(string connectionString, string targetPath, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("pg_dump")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format=custom", "--no-owner", "--file=" + targetPath, "--dbname=" + settings.Database })
        {
            start.ArgumentList.Add(argument);
        }
        // The connection's settings go in libpq's environment variables, so the password never appears in a process list.
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"pg_dump could not be started ({exception.Message}): install PostgreSQL's client tools (the same major version as the server) and put pg_dump on the PATH.";
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                File.Delete(targetPath); // never leave a half-written dump that looks like a backup
                return $"pg_dump failed with exit code {process.ExitCode}: {(await error).Trim()}";
            }
        }
        return null;
    }
}
