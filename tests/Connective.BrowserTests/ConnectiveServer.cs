using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Connective.BrowserTests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, in the Demo environment (production-style error
/// pages, migrated and seeded by itself) against a throwaway SQLite database. Shared by every test in the
/// collection; Chromium is started only when a browser test first asks for it.
/// </summary>
public sealed class ConnectiveServer : IAsyncLifetime, IDisposable
{
    /// <summary>Paths that throw on purpose, so the tests can see what a user sees when the app fails.</summary>
    public const string ThrowingPagePath = "/test-only/throw";
    public const string ThrowingApiPath = "/api/v1/test-only/throw";
    public const string SecretInException = "secret-detail-that-must-not-leak";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "connective-browser-" + Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private AppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The server has not started.");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        _factory = new AppFactory(Path.Combine(_dataFolder, "connective.db"));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) + "/");
        return Task.CompletedTask;
    }

    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>How long a step may wait (Playwright's default is 30 s, which a loaded 2-core machine exceeds now and then).</summary>
    public const float LoadedMachineTimeoutMs = 120_000;

    /// <summary>A fresh browser context (no cookies or storage shared between tests) on the shared Chromium.</summary>

    public async Task<IBrowserContext> NewBrowserContextAsync(string? host = null)
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is null)
            {
                (_playwright, _browser) = await Chromium.LaunchAsync();
            }
        }
        finally
        {
            _browserLock.Release();
        }
        // WebAuthn refuses an IP address as its relying party, so passkey tests reach the same server as "localhost".
        var baseUrl = host is null ? BaseAddress : new UriBuilder(BaseAddress) { Host = host }.Uri;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
        // CI machines are shared and can be loaded many times over: a slow page is not a failure, a missing one is.
        context.SetDefaultTimeout(LoadedMachineTimeoutMs);
        context.SetDefaultNavigationTimeout(LoadedMachineTimeoutMs);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory; it must not fail the run.
        }
    }

    public void Dispose()
    {
        // xunit calls DisposeAsync for fixtures; this only satisfies the analyzer for direct users.
        _browserLock.Dispose();
        _factory?.Dispose();
    }

    private sealed class AppFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Demo");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Connective", $"Data Source={databasePath}");
            // The every-page test submits every form once from one address; the rate-limit itself is tested in Connective.Web.Tests.
            builder.UseSetting("RateLimits:AccountFormPostsPerMinute", "100000");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingPathsFilter>());
        }
    }

    /// <summary>
    /// Appends, after the app's own pipeline, a middleware that throws on two test-only paths. The app's
    /// exception handling wraps it exactly as it wraps a failing page or endpoint.
    /// </summary>
    private sealed class ThrowingPathsFilter : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(nextMiddleware => context =>
                context.Request.Path == ThrowingPagePath || context.Request.Path == ThrowingApiPath
                    ? throw new InvalidOperationException(SecretInException)
                    : nextMiddleware(context));
        };
    }
}

[CollectionDefinition(Name)]
public sealed class ConnectiveServerGroup : ICollectionFixture<ConnectiveServer>
{
    public const string Name = "Connective on Kestrel";
}
