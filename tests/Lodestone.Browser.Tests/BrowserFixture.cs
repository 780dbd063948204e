using Lodestone.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lodestone.Browser.Tests;

/// <summary>
/// The real server on Kestrel (a browser needs a socket) and Debian's headless Chromium driven by
/// Playwright. Playwright's own browser download does not work here, so the system Chromium is used;
/// CI installs it, and on a machine without it the browser tests are skipped (in CI they fail).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _database = TempSqlite.NewPath("lodestone-browser");
    private LodestoneFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (PostgresServer.Required)
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing; .ci/run installs Debian's chromium package.");
            }

            return;
        }

        // The demo data and its documented accounts: the browser signs in as a user would.
        _factory = new LodestoneFactory(_database, seedDemo: true, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ServerFixture.Now));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Http.BaseAddress = BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        if (Browser is null)
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        TempSqlite.Delete(_database);
    }

    /// <summary>Registers a party through the API, as the demo account of <paramref name="asRole"/>.</summary>
    public async Task<Guid> CreatePartyAsync(string name, string country, string[] sectors, string[] roles, string asRole = "officer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties") { Content = System.Net.Http.Json.JsonContent.Create(new { name, country, sectors, roles }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await ServerFixture.TokenAsync(Http, Email(asRole), Lodestone.Services.AccountService.DemoPassword(asRole)));
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Dictionary<string, object>>(response.Content);
        return Guid.Parse(body!["id"].ToString()!);
    }

    /// <summary>How many applications the server holds (as the officer sees them).</summary>
    public async Task<int> CountApplicationsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/applications?pageSize=1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await ServerFixture.TokenAsync(Http, Email("officer"), Lodestone.Services.AccountService.DemoPassword("officer")));
        using var response = await Http.SendAsync(request);
        var page = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return page.GetProperty("total").GetInt32();
    }

    /// <summary>The documented demo account of a role.</summary>
    public static string Email(string role) => $"{role}@{Lodestone.Services.AccountService.DemoDomain}";

    /// <summary>A new browser page signed in through the sign-in form as the demo account of <paramref name="role"/>.</summary>
    public async Task<IPage> SignedInAsync(string role)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(Email(role));
        await page.GetByLabel("Password").FillAsync(Lodestone.Services.AccountService.DemoPassword(role));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(Email(role));
        return page;
    }
}
