namespace Lodestone.Testing;

/// <summary>Throwaway SQLite database files for tests.</summary>
public static class TempSqlite
{
    /// <summary>A fresh path in the temp folder.</summary>
    public static string NewPath(string prefix) => Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    /// <summary>Deletes the database with its WAL and shared-memory files (after closing pooled connections).</summary>
    public static void Delete(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
