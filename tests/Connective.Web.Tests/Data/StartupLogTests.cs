using System.Collections.Concurrent;
using Connective.Web.Data;
using Connective.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connective.Web.Tests.Data;

/// <summary>What the app logs while it starts on a new SQLite file: nothing at Error, unless something is really wrong.</summary>
public sealed class StartupLogTests
{
    [Fact]
    public void Starting_on_a_new_database_migrates_before_the_key_ring_is_read_and_logs_no_error()
    {
        using var file = new TempSqliteFile();
        var logs = new CapturedLogs();
        using var factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, demoResidents: 100,
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));

        factory.CreateClient().Dispose();

        Assert.Empty(logs.AtLeast(LogLevel.Error));
        Assert.Contains(logs.AtLeast(LogLevel.Information), entry => entry.Contains("Seeded", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The capture sees real errors: with migration on start turned off, reading the missing key table is still logged.</summary>
    [Fact]
    public void A_database_that_was_never_migrated_still_logs_the_error()
    {
        using var file = new TempSqliteFile();
        var logs = new CapturedLogs();
        using var factory = new ConnectiveWebFactory(DatabaseProvider.Sqlite, file.ConnectionString, demoResidents: 100,
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs), migrateAndSeedOnStart: false);

        factory.CreateClient().Dispose();

        Assert.Contains(logs.AtLeast(LogLevel.Error), entry => entry.Contains("DataProtectionKeys", StringComparison.Ordinal));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

        public IReadOnlyList<string> AtLeast(LogLevel level) => [.. _entries.Where(entry => entry.Level >= level).Select(entry => entry.Text)];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, $"{category}: {formatter(state, exception)} {exception?.Message}"));
        }
    }
}
