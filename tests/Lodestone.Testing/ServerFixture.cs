using System.Net.Http.Json;
using Lodestone.Persistence;
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

    /// <summary>Skips the calling test when its database is not available here (never in CI, where that fails instead).</summary>
    public HttpClient Client
    {
        get
        {
            if (Factory is null)
            {
                Assert.Skip($"No PostgreSQL server configured ({PostgresServer.Variable}); run scripts/postgres.sh to start one.");
            }

            return _client ??= Factory.CreateClient();
        }
    }

    private HttpClient? _client;

    public virtual async ValueTask InitializeAsync()
    {
        _database = Kind == DatabaseKind.Postgres
            ? await PostgresServer.CreateDatabaseAsync()
            : Path.Combine(Path.GetTempPath(), $"lodestone-test-{Guid.NewGuid():N}.db");
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
        _client?.Dispose();
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
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(_database + suffix);
                }
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a party through the API and returns its id.</summary>
    public async Task<Guid> CreatePartyAsync(string name, string country, string[]? sectors = null, string[]? roles = null)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/parties", new { name, country, kind = "company", sectors = sectors ?? [], roles = roles ?? [] });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<IdOnly>();
        return body!.Id;
    }

    private sealed record IdOnly(Guid Id);
}

public sealed class SqliteServer() : ServerFixture(DatabaseKind.Sqlite);

/// <summary>A server on a database of its own, for tests that damage it (tampering) or need a clean chain.</summary>
public sealed class IsolatedServer(DatabaseKind kind, string? auditKeyFile = null) : ServerFixture(kind)
{
    protected override void Configure(LodestoneFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (auditKeyFile is not null)
        {
            factory.Settings["Lodestone:AuditKeyFile"] = auditKeyFile;
        }
    }
}

public sealed class PostgresServerFixture() : ServerFixture(DatabaseKind.Postgres);
