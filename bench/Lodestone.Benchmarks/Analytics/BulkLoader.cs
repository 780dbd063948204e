using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Lodestone.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Lodestone.Benchmarks.Analytics;

/// <summary>
/// One column of a table as EF maps it: the column name, the store type, and how to get the stored value
/// from an entity (EF's own property getter and value converter, so JSON columns are serialised with the
/// product's JSON options and instants get the provider's encoding).
/// </summary>
internal sealed record MappedColumn(string Name, string StoreType, Func<object, object?> Value);

/// <summary>The columns of one entity's table, read from the EF model of the database being loaded.</summary>
internal sealed class TableMap
{
    private TableMap(string table, IReadOnlyList<MappedColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<MappedColumn> Columns { get; }

    public static TableMap Of<T>(LodestoneDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()));
        var columns = properties.Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            Func<object, object?> value = converter is null
                ? e => getter.GetClrValueUsingContainingEntity(e)
                : e => converter.ConvertToProvider(getter.GetClrValueUsingContainingEntity(e));
            return new MappedColumn(p.GetColumnName(store)!, p.GetColumnType(store), value);
        }).ToList();
        return new TableMap(table, columns);
    }

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

/// <summary>
/// Loads generated entities fast, bypassing the change tracker but not EF's mapping: rows are produced on
/// a second thread (domain objects, JSON) while this one writes them. SQLite: prepared and reused INSERT,
/// WAL, <c>synchronous=OFF</c>, a commit every <see cref="SqliteBatch"/> rows (one transaction per batch keeps
/// the WAL file bounded). PostgreSQL: binary COPY.
/// </summary>
internal static class BulkLoader
{
    private const int SqliteBatch = 250_000;

    public static async Task<long> LoadAsync<T>(DatabaseKind kind, string connectionString, TableMap map, IEnumerable<T> entities, CancellationToken ct)
        where T : class
    {
        var rows = Channel.CreateBounded<object?[][]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<object?[]>(5000);
                    foreach (var entity in entities)
                    {
                        var row = new object?[map.Columns.Count];
                        for (var i = 0; i < row.Length; i++)
                        {
                            row[i] = map.Columns[i].Value(entity);
                        }

                        batch.Add(row);
                        if (batch.Count == 5000)
                        {
                            await rows.Writer.WriteAsync([.. batch], ct);
                            batch.Clear();
                        }
                    }

                    if (batch.Count > 0)
                    {
                        await rows.Writer.WriteAsync([.. batch], ct);
                    }

                    rows.Writer.Complete();
                }
                catch (Exception e)
                {
                    rows.Writer.Complete(e);
                }
            },
            ct);

        var written = kind == DatabaseKind.Sqlite
            ? await WriteSqliteAsync(connectionString, map, rows.Reader, ct)
            : await WritePostgresAsync(connectionString, map, rows.Reader, ct);
        await producer;
        return written;
    }

    private static async Task<long> WriteSqliteAsync(string connectionString, TableMap map, ChannelReader<object?[][]> rows, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144;", ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{map.Table}\" ({map.ColumnList}) VALUES ({string.Join(", ", map.Columns.Select((_, i) => "$p" + i))})";
        var parameters = map.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        var transaction = connection.BeginTransaction();
        command.Transaction = transaction;
        command.Prepare();
        long written = 0;
        await foreach (var batch in rows.ReadAllAsync(ct))
        {
            foreach (var row in batch)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
                if (++written % SqliteBatch == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                }
            }
        }

        transaction.Commit();
        transaction.Dispose();
        return written;
    }

    private static async Task<long> WritePostgresAsync(string connectionString, TableMap map, ChannelReader<object?[][]> rows, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // The generator's rows reference parties loaded first; skipping the per-row foreign-key triggers is the
        // usual bulk-load practice (the SQLite path has foreign_keys=OFF for the same reason). Needs a superuser.
        await Execute(connection, "SET session_replication_role = replica", ct);
        var types = map.Columns.Select(c => PostgresType(c.StoreType)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{map.Table}\" ({map.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        long written = 0;
        await foreach (var batch in rows.ReadAllAsync(ct))
        {
            foreach (var row in batch)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(row[i], types[i], ct);
                    }
                }

                written++;
            }
        }

        await importer.CompleteAsync(ct);
        return written;
    }

    /// <summary>The binary COPY type of a store type as the PostgreSQL migrations declare it.</summary>
    private static NpgsqlDbType PostgresType(string storeType)
    {
        var name = storeType.Split('(')[0].Trim();
        return name switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "character" => NpgsqlDbType.Char,
            "numeric" => NpgsqlDbType.Numeric,
            "date" => NpgsqlDbType.Date,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "boolean" => NpgsqlDbType.Boolean,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            _ => throw new InvalidOperationException($"No COPY type for the store type '{storeType}'."),
        };
    }

    /// <summary>
    /// Drops the secondary indexes of the tables about to be loaded and returns the statements that recreate
    /// them: building an index once over sorted data is far cheaper than maintaining it row by row.
    /// </summary>
    public static async Task<List<string>> DropIndexesAsync(DbConnection connection, DatabaseKind kind, IEnumerable<string> tables, CancellationToken ct)
    {
        var statements = new List<(string Name, string Sql)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = kind == DatabaseKind.Sqlite
                ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL"
                : $"SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = '{table}' AND i.indexname NOT IN (SELECT conname FROM pg_constraint)";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                statements.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in statements)
        {
            await Execute(connection, $"DROP INDEX \"{name}\"", ct);
        }

        return statements.Select(s => s.Sql).ToList();
    }

    public static async Task<TimeSpan> CreateIndexesAsync(DbConnection connection, IEnumerable<string> statements, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        foreach (var sql in statements)
        {
            await Execute(connection, sql, ct, timeout: 0);
        }

        return clock.Elapsed;
    }

    public static async Task Execute(DbConnection connection, string sql, CancellationToken ct, int timeout = 0)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeout;
        await command.ExecuteNonQueryAsync(ct);
    }
}
