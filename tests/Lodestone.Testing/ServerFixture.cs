using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lodestone.Persistence;
using Lodestone.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Lodestone.Testing;

/// <summary>
/// One server and one fresh database per test class. Subclasses choose the engine, so the same tests
/// run against SQLite and PostgreSQL.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    /// <summary>"Now" in every test: Monday 15 Sep 2025, 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset Now = new(2025, 9, 15, 2, 0, 0, TimeSpan.Zero);

    private string? _database;

    protected ServerFixture(DatabaseKind kind, bool seedDemo = false, DateTimeOffset? now = null)
    {
        Kind = kind;
        SeedDemo = seedDemo;
        Clock = new FakeTimeProvider(now ?? Now);
    }

    public DatabaseKind Kind { get; }

    public bool SeedDemo { get; }

    public FakeTimeProvider Clock { get; }

    public LodestoneFactory? Factory { get; private set; }

    /// <summary>The database's path or connection string, for a second instance on the same database.</summary>
    public string? Database => _database;

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<(string Email, HttpClient Client)> _committee = [];
    private readonly List<HttpClient> _retired = [];

    /// <summary>An officer's client (most API tests act as the reviewing authority).</summary>
    public HttpClient Client => ClientAs(Roles.Officer).GetAwaiter().GetResult();

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous => EnsureFactory().CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A signed-in client of a role (organisation-scoped roles need <paramref name="organisation"/>); created once per role and organisation.</summary>
    public async Task<HttpClient> ClientAs(string role, Guid? organisation = null)
    {
        var factory = EnsureFactory();
        var key = $"{role}/{organisation}";
        await _lock.WaitAsync();
        try
        {
            if (_clients.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var email = $"{role}-{Guid.NewGuid():N}@lodestone.test";
            const string password = "test-password-1234";
            using (var scope = factory.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, role, organisation, password);
            }

            var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, email, password));
            _clients[key] = client;
            return client;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// The fixture's End-User Review Committee: at least <paramref name="size"/> committee accounts, each with
    /// its own client, created once. VEU vetting fixes every committee account as the panel, so a test class
    /// that votes should create committee members only through here.
    /// </summary>
    public async Task<IReadOnlyList<(string Email, HttpClient Client)>> CommitteeAsync(int size)
    {
        var factory = EnsureFactory();
        await _lock.WaitAsync();
        try
        {
            while (_committee.Count < size)
            {
                var email = $"committee-{_committee.Count + 1}-{Guid.NewGuid():N}@lodestone.test";
                const string password = "test-password-1234";
                using (var scope = factory.Services.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, Roles.Committee, null, password);
                }

                var client = factory.CreateClient(new() { AllowAutoRedirect = false });
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, email, password));
                _committee.Add((email, client));
            }

            return _committee.ToList();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Moves the server's clock forward (never back). Bearer tokens are checked against that clock and last an
    /// hour, so the signed-in clients are dropped: fetch clients again (<see cref="ClientAs"/>) after the move.
    /// Committee clients are kept; a test that moves the clock should not vote afterwards.
    /// </summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        await _lock.WaitAsync();
        try
        {
            Clock.Advance(by);
            _retired.AddRange(_clients.Values);
            _clients.Clear();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Exchanges credentials for a bearer token through the API.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenOnly>();
        return body!.Token;
    }

    /// <summary>The exporter account of an exporter party.</summary>
    public Task<HttpClient> ExporterAsync(Guid exporter) => ClientAs(Roles.Exporter, exporter);

    /// <summary>Skips the calling test when its database is not available here (never in CI, where that fails instead).</summary>
    private LodestoneFactory EnsureFactory()
    {
        if (Factory is null)
        {
            Assert.Skip($"No PostgreSQL server configured ({PostgresServer.Variable}); run scripts/postgres.sh to start one.");
        }

        return Factory;
    }

    public virtual async ValueTask InitializeAsync()
    {
        _database = Kind == DatabaseKind.Postgres
            ? await PostgresServer.CreateDatabaseAsync()
            : TempSqlite.NewPath("lodestone-test");
        if (_database is null)
        {
            return;
        }

        Factory = new LodestoneFactory(_database, SeedDemo, Clock);
        Configure(Factory); // before the host starts, so settings take effect

        // Start the host now, so migrations (and the demo) run once per fixture, not inside a test.
        _ = Factory.Services;
    }

    protected virtual void Configure(LodestoneFactory factory)
    {
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Concat(_committee.Select(c => c.Client)).Concat(_retired))
        {
            client.Dispose();
        }

        _lock.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            if (Kind == DatabaseKind.Postgres)
            {
                await PostgresServer.DropDatabaseAsync(_database);
            }
            else
            {
                TempSqlite.Delete(_database);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a party through the API (as an officer unless <c>registeredBy</c> is given) and returns its id.</summary>
    public async Task<Guid> CreatePartyAsync(string name, string country, string[]? sectors = null, string[]? roles = null, HttpClient? registeredBy = null)
    {
        var response = await (registeredBy ?? Client).PostAsJsonAsync("/api/v1/parties", new { name, country, kind = "company", sectors = sectors ?? [], roles = roles ?? [] });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<IdOnly>();
        return body!.Id;
    }

    private sealed record IdOnly(Guid Id);

    private sealed record TokenOnly(string Token);
}

public sealed class SqliteServer() : ServerFixture(DatabaseKind.Sqlite);

/// <summary>A server on a database of its own, for tests that damage it (tampering) or need a clean chain.</summary>
public sealed class IsolatedServer(DatabaseKind kind, string? auditKeyFile = null, IReadOnlyDictionary<string, string?>? settings = null, string? environment = null) : ServerFixture(kind)
{
    protected override void Configure(LodestoneFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (auditKeyFile is not null)
        {
            factory.Settings["Lodestone:AuditKeyFile"] = auditKeyFile;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        if (environment is not null)
        {
            factory.Environment = environment;
        }
    }
}

public sealed class PostgresServerFixture() : ServerFixture(DatabaseKind.Postgres);
