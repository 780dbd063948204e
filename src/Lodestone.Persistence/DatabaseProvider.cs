using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence;

/// <summary>The database engines Lodestone runs on.</summary>
public enum DatabaseKind
{
    /// <summary>Embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>PostgreSQL (production).</summary>
    Postgres,
}

/// <summary>
/// Chooses the provider from the one setting <c>Lodestone:Database</c>: a PostgreSQL connection string
/// (it has <c>Host=</c>) or else a SQLite file path. Each provider has its own migration set.
/// </summary>
public static class DatabaseProvider
{
    public const string SqliteMigrationsAssembly = "Lodestone.Persistence.Sqlite";
    public const string PostgresMigrationsAssembly = "Lodestone.Persistence.Postgres";

    private static readonly SqlitePragmas Pragmas = new();

    public static DatabaseKind KindOf(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return database.Contains("Host=", StringComparison.OrdinalIgnoreCase) || database.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseKind.Postgres
            : DatabaseKind.Sqlite;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string database)
    {
        ArgumentNullException.ThrowIfNull(options);
        return KindOf(database) switch
        {
            DatabaseKind.Postgres => options.UseNpgsql(database, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(SqliteConnectionString(database), o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(Pragmas),
        };
    }

    /// <summary>A file path becomes <c>Data Source=path</c>; a full SQLite connection string is kept.</summary>
    public static string SqliteConnectionString(string database) =>
        database.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) ? database : $"Data Source={database}";
}
