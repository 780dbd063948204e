using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestone.Persistence;

/// <summary>
/// SQLite durability: WAL so readers never block the writer, and <c>synchronous=FULL</c> so that a
/// write acknowledged with a 2xx survives a power loss or OS crash (with the default NORMAL a
/// committed WAL transaction can roll back after a crash). Applied to every connection.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
