using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>An acknowledged write must survive a crash: WAL with synchronous=FULL on every connection.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lodestone-durability-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    [Fact]
    public async Task Every_connection_uses_WAL_and_full_synchronous_writes()
    {
        var options = new DbContextOptionsBuilder<LodestoneDbContext>();
        DatabaseProvider.Configure(options, _file);
        await using var db = new LodestoneDbContext(options.Options);
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // 2 = FULL
    }
}
