using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Connective.Web.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL 15 for the tests: the server named by CONNECTIVE_TEST_POSTGRES when set, otherwise a throwaway
/// cluster started with the Debian binaries on 127.0.0.1 and a free port in a temp folder, stopped and deleted at the end.
/// Each test fixture gets its own fresh database on it. One cluster serves the whole test run.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string ConnectionStringVariable = "CONNECTIVE_TEST_POSTGRES";
    public const string RequireVariable = "CONNECTIVE_REQUIRE_POSTGRES";
    public const string BinariesFolder = "/usr/lib/postgresql/15/bin";

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static PostgresCluster? _shared;

    private readonly string? _folder;
    private readonly string _adminConnectionString;
    private int _disposed;

    private PostgresCluster(string adminConnectionString, string? folder)
    {
        _adminConnectionString = adminConnectionString;
        _folder = folder;
    }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } || File.Exists(Path.Combine(BinariesFolder, "initdb"))
            ? null
            : $"PostgreSQL 15 binaries not found in {BinariesFolder} and {ConnectionStringVariable} is not set " +
              $"(install postgresql-15, or set {ConnectionStringVariable}; set {RequireVariable}=1 to make this a failure).";

    /// <summary>The cluster shared by every PostgreSQL test in the run, started on first use.</summary>
    public static async Task<PostgresCluster> SharedAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                // PostgresTests stops it after the last PostgreSQL test; this is the fallback if the run is cut short.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _shared;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Stops and deletes the shared cluster, if one was started.</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } shared)
        {
            await shared.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "connective_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = false }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        var data = Path.Combine(_folder, "data");
        if (Directory.Exists(data))
        {
            await RunAsync(Path.Combine(BinariesFolder, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], throwOnFailure: false);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean if something still holds a file.
        }
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured)
        {
            return new PostgresCluster(configured, folder: null);
        }
        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var folder = Path.Combine(Path.GetTempPath(), "connective-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", folder], throwOnFailure: true, asPostgres: false);
        }
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        await RunAsync(Path.Combine(BinariesFolder, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], throwOnFailure: true);
        await RunAsync(Path.Combine(BinariesFolder, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
             "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off"],
            throwOnFailure: true, verb: "start");
        return new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", folder);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool throwOnFailure, string? verb = null, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot && asPostgres)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }
        if (verb is not null)
        {
            start.ArgumentList.Add(verb);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }
}

/// <summary>
/// Every PostgreSQL test class joins this collection, so that the shared cluster is stopped and deleted after the last of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresTests.ClusterLifetime>
{
    public const string Name = "Postgres";

    /// <summary>Stops the shared cluster, if one was started, when the collection is done.</summary>
    public sealed class ClusterLifetime : IAsyncLifetime
    {
        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => PostgresCluster.StopSharedAsync();
    }
}
