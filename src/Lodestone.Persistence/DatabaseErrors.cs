using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lodestone.Persistence;

/// <summary>Recognises database errors that mean "someone else got there first".</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when a save lost to a concurrent one: a stale concurrency token, or a unique key another
    /// request inserted first. Both mean "reload and try again" (HTTP 409).
    /// </summary>
    public static bool IsConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);

    /// <summary>
    /// True when a save failed on a unique constraint: a concurrent request inserted the same key (for
    /// example the licence of an application another officer approved a moment earlier).
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
