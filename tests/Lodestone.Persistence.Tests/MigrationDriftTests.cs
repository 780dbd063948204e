using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>
/// Fails when the model changes without a migration in either set: every model change needs
/// `dotnet ef migrations add` for SQLite and for PostgreSQL (docs/operations.md).
/// </summary>
public sealed class MigrationDriftTests
{
    [Theory]
    [InlineData("drift-check.db")]
    [InlineData("Host=localhost;Database=drift_check;Username=nobody")]
    public void The_migration_set_matches_the_model(string database)
    {
        var options = new DbContextOptionsBuilder<LodestoneDbContext>();
        DatabaseProvider.Configure(options, database);
        using var db = new LodestoneDbContext(options.Options);

        // Compares the model with the latest snapshot of this provider's migration set; opens no connection.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {DatabaseProvider.KindOf(database)} migrations are behind the model; add a migration.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Each_provider_uses_its_own_migration_assembly()
    {
        static IEnumerable<string> MigrationsOf(string database)
        {
            var options = new DbContextOptionsBuilder<LodestoneDbContext>();
            DatabaseProvider.Configure(options, database);
            using var db = new LodestoneDbContext(options.Options);
            return db.Database.GetMigrations().ToList();
        }

        var sqlite = MigrationsOf("x.db");
        var postgres = MigrationsOf("Host=localhost;Database=x");
        Assert.NotEmpty(sqlite);
        Assert.NotEmpty(postgres);
        Assert.Equal(DatabaseKind.Postgres, DatabaseProvider.KindOf("Host=db;Database=lodestone;Username=app"));
        Assert.Equal(DatabaseKind.Sqlite, DatabaseProvider.KindOf("/var/lib/lodestone/lodestone.db"));
    }
}
