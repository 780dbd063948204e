using System.Data.Common;
using System.Globalization;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Calendar;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Benchmarks.Analytics;

/// <summary>A table as a comparable map: group key → (kilograms, count); the same shape for roll-up and raw results.</summary>
internal sealed class Table : Dictionary<string, (decimal Kg, long Count)>
{
    public Table()
        : base(StringComparer.Ordinal)
    {
    }

    public void Add(string key, decimal kg, long count)
    {
        var old = this.GetValueOrDefault(key);
        this[key] = (old.Kg + kg, old.Count + count);
    }

    /// <summary>Null when equal (kilograms to 1 g in 10⁹, as raw SQLite sums decimals stored as text in floating point), else the first difference.</summary>
    public string? Difference(Table other)
    {
        foreach (var key in Keys.Union(other.Keys).Order(StringComparer.Ordinal))
        {
            var a = this.GetValueOrDefault(key);
            var b = other.GetValueOrDefault(key);
            if (a.Count != b.Count || Math.Abs(a.Kg - b.Kg) > Math.Max(0.001m, Math.Abs(a.Kg) / 1_000_000_000m))
            {
                return $"{key}: roll-up {a.Kg} kg / {a.Count}, raw {b.Kg} kg / {b.Count}";
            }
        }

        return null;
    }
}

/// <summary>
/// The naive baseline: each dashboard table computed straight from the raw tables with a plain GROUP BY (or,
/// for processing times, which need the working-day calendar, by reading the decided applications through
/// the model), as one would without roll-ups. The same grouping and filters as the roll-up query.
/// </summary>
internal static class NaiveQueries
{
    private const string Released = "('released', 'arrived', 'in-use')";

    public static async Task<Table> ExportsAsync(LodestoneDbContext db, DatabaseKind kind, string groupBy, DateOnly from, DateOnly to, string? destination, CancellationToken ct)
    {
        var sqlite = kind == DatabaseKind.Sqlite;
        var key = groupBy switch
        {
            "month" => sqlite ? "substr(\"DeclaredOn\", 1, 7) || '-01'" : "to_char(date_trunc('month', \"DeclaredOn\"), 'YYYY-MM-DD')",
            "week" => sqlite ? "date(\"DeclaredOn\", 'weekday 0', '-6 days')" : "to_char(date_trunc('week', \"DeclaredOn\"), 'YYYY-MM-DD')",
            _ => "\"Destination\"",
        };
        var filter = destination is null ? string.Empty : $" AND \"Destination\" = '{destination}'";
        var sql = $"""
            SELECT {key} AS k, SUM("QuantityKg") AS kg, COUNT(*) AS n FROM "Shipments"
            WHERE "Status" IN {Released} AND "DeclaredOn" >= {Date(from)} AND "DeclaredOn" < {Date(to)}{filter}
            GROUP BY {key}
            """;
        return await ReadAsync(db, sql, ct);
    }

    /// <summary>Kilograms per destination in each of three months (the month, the one before, a year before).</summary>
    public static async Task<Table> MovementsAsync(LodestoneDbContext db, DatabaseKind kind, DateOnly month, CancellationToken ct)
    {
        var sqlite = kind == DatabaseKind.Sqlite;
        var monthKey = sqlite ? "substr(\"DeclaredOn\", 1, 7) || '-01'" : "to_char(date_trunc('month', \"DeclaredOn\"), 'YYYY-MM-DD')";
        var ranges = string.Join(" OR ", new[] { month, month.AddMonths(-1), month.AddMonths(-12) }
            .Select(m => $"(\"DeclaredOn\" >= {Date(m)} AND \"DeclaredOn\" < {Date(m.AddMonths(1))})"));
        var sql = $"""
            SELECT {monthKey} || ' ' || "Destination" AS k, SUM("QuantityKg") AS kg, COUNT(*) AS n FROM "Shipments"
            WHERE "Status" IN {Released} AND ({ranges})
            GROUP BY {monthKey}, "Destination"
            """;
        return await ReadAsync(db, sql, ct);
    }

    /// <summary>
    /// Outcomes per month of the outcome × lane: the day comes from the decision (JSON), the withdrawal
    /// instant or the day of acceptance, in China time, as the roll-up takes it.
    /// </summary>
    public static async Task<Table> DecisionsAsync(LodestoneDbContext db, DatabaseKind kind, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // SQLite stores instants with EF's DateTimeOffsetToBinaryConverter: (ticks / 1000) << 11 | offset minutes.
        var day = kind == DatabaseKind.Sqlite
            ? """
              CASE "Status"
                WHEN 'withdrawn' THEN date((("WithdrawnAt" >> 11) * 1000 - 621355968000000000) / 10000000 + 28800, 'unixepoch')
                WHEN 'not-required' THEN "AcceptedOn"
                ELSE date(json_extract("Decision", '$.decidedAt'), '+8 hours') END
              """
            : """
              CASE "Status"
                WHEN 'withdrawn' THEN ("WithdrawnAt" AT TIME ZONE 'Asia/Shanghai')::date
                WHEN 'not-required' THEN "AcceptedOn"
                ELSE (("Decision"::json ->> 'decidedAt')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date END
              """;
        var month = kind == DatabaseKind.Sqlite ? "substr(d, 1, 7) || '-01'" : "to_char(date_trunc('month', d), 'YYYY-MM-DD')";
        var sql = $"""
            SELECT {month} || ' ' || "Lane" || ' ' || "Status" AS k, 0 AS kg, COUNT(*) AS n
            FROM (SELECT {day} AS d, "Lane", "Status" FROM "Applications" WHERE "Status" IN ('approved', 'denied', 'withdrawn', 'not-required')) x
            WHERE d >= {Date(from)} AND d < {Date(to)}
            GROUP BY {month}, "Lane", "Status"
            """;
        return await ReadAsync(db, sql, ct);
    }

    /// <summary>
    /// Processing-time medians per lane × destination without the histogram roll-up: working days net of
    /// clock stops need the calendar, so every decided application is read (untracked) and counted here.
    /// </summary>
    public static async Task<Table> ProcessingTimesAsync(LodestoneDbContext db, WorkingDayCalendar calendar, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var histogram = new Dictionary<(string Lane, string Destination), Dictionary<int, int>>();
        var decided = db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Denied).AsAsyncEnumerable();
        await foreach (var a in decided.WithCancellation(ct))
        {
            var day = Lodestone.Domain.Common.ChinaTime.DateOf(a.Decision!.DecidedAt);
            if (day < from || day >= to || a.WorkingDaysToDecision(calendar) is not { } days)
            {
                continue;
            }

            var key = (Lodestone.Domain.Common.WireName.Of(a.Lane!.Value), a.Destination.Value);
            if (!histogram.TryGetValue(key, out var bins))
            {
                histogram[key] = bins = [];
            }

            bins[days] = bins.GetValueOrDefault(days) + 1;
        }

        var table = new Table();
        foreach (var ((lane, destination), bins) in histogram)
        {
            var p = WorkingDayPercentiles.Of(bins.Select(b => (b.Key, b.Value)));
            table.Add($"{lane} {destination}", p.Median, p.Decisions);
        }

        return table;
    }

    private static string Date(DateOnly day) => "'" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static async Task<Table> ReadAsync(LodestoneDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        var table = new Table();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            table.Add(reader.GetString(0), Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
        }

        return table;
    }
}
