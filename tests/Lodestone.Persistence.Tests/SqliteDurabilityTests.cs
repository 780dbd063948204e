using Lodestone.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>An acknowledged write must survive a crash: WAL with synchronous=FULL on every connection.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _file = TempSqlite.NewPath("lodestone-durability");

    public void Dispose()
    {
        TempSqlite.Delete(_file);
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
