using Connective.Web.Data;

namespace Connective.Web.Tests.Fixtures;

/// <summary>
/// The app in the Demo environment on a throwaway SQLite file, migrated and seeded by the app itself at start
/// (1,000 residents, the default seed). Shared by a test class through IClassFixture.
/// </summary>
public sealed class SqliteAppFixture : IAsyncLifetime, IDisposable
{
    private readonly TempSqliteFile _file = new();

    public ConnectiveWebFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, _file.ConnectionString);
        // Creating the client starts the host, which migrates and seeds before it serves.
        Factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _file.Dispose();
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>A SQLite database file in a fresh temp folder, deleted with the folder afterwards.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connective-tests-" + Guid.NewGuid().ToString("N"));

    public TempSqliteFile()
    {
        Directory.CreateDirectory(_folder);
    }

    public string FilePath => Path.Combine(_folder, "connective.db");

    // No pooling: the file must be closed for real when the test ends, so that the folder can be deleted.
    public string ConnectionString => $"Data Source={FilePath};Pooling=False";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open on some platform is left for the OS to clean.
        }
    }
}
