using Microsoft.Data.Sqlite;

namespace Connective.Web.Data;

/// <summary>
/// An online backup of the SQLite database: a consistent copy taken while the app serves (SQLite's <c>VACUUM INTO</c>),
/// including the data-protection keys table, so sessions and tokens survive a restore. Restoring is copying the file
/// back while the app is stopped (docs/operations.md).
/// </summary>
public static class SqliteBackup
{
    public static async Task BackUpAsync(string connectionString, string targetPath, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists: choose a new file name, so that no earlier backup is overwritten.");
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
