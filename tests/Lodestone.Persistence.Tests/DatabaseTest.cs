using Lodestone.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>A test on a fresh, real database of one kind: a temporary SQLite file or a new PostgreSQL database.</summary>
public abstract class DatabaseTest(DatabaseKind kind) : IAsyncLifetime
{
    private string? _database;

    protected DatabaseKind Kind => kind;

    public async ValueTask InitializeAsync()
    {
        _database = kind == DatabaseKind.Postgres
            ? await PostgresServer.CreateDatabaseAsync()
            : TempSqlite.NewPath("lodestone-rt");
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null && kind == DatabaseKind.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
        else if (_database is not null)
        {
            TempSqlite.Delete(_database);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The options every context of the test is made from (skips the test when PostgreSQL is not configured).</summary>
    protected DbContextOptions<LodestoneDbContext> Options()
    {
        if (_database is null)
        {
            Assert.Skip($"No PostgreSQL server configured ({PostgresServer.Variable}).");
        }

        var options = new DbContextOptionsBuilder<LodestoneDbContext>();
        DatabaseProvider.Configure(options, _database);
        return options.Options;
    }

    protected LodestoneDbContext Open() => new(Options());
}
