using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Analytics;

/// <summary>One row of the exports table; dimensions not grouped by are null.</summary>
public sealed record ExportRow(DateOnly? Month, string? Week, string? Destination, string? ControlCode, string? Sector, string? Authorisation, decimal Kg, decimal Value, int Shipments);

/// <summary>One row of the decisions table: outcomes, rates (of approvals and denials) and tonnage.</summary>
public sealed record DecisionRow(
    DateOnly? Month, string? Week, string? Destination, string? ControlCode, string? Sector, string? Lane,
    int Applications, int Approved, int Denied, int Withdrawn, int NotRequired, decimal? ApprovalRate, decimal? DenialRate, decimal ApprovedKg, decimal DeniedKg);

/// <summary>Processing-time percentiles in working days (clock stops excluded) for one group of decisions.</summary>
public sealed record ProcessingTimeRow(DateOnly? Month, string? Week, string? Destination, string? Lane, int Decisions, int Median, int P90, int P95, int Max, decimal Mean);

/// <summary>A month's movement for one destination, with its description ("US −28.7% m/m, September 2025").</summary>
public sealed record MovementRow(string Destination, DateOnly Month, decimal Kg, decimal? PreviousKg, decimal? YearAgoKg, decimal? MonthOnMonth, decimal? YearOnYear, string Description);

/// <summary>
/// Aggregates of export flows and decisions, read from the roll-ups only: an analyst sees totals by period,
/// destination, control code, end-user sector, authorisation, lane and outcome, never a shipment, an
/// application or a party. Each table is one GROUP BY in the database.
/// </summary>
public sealed class AnalyticsService(LodestoneDbContext db)
{
    private static readonly Dictionary<string, string> ExportColumns = new(StringComparer.Ordinal)
    {
        ["destination"] = "\"Destination\"",
        ["controlCode"] = "\"ControlCode\"",
        ["sector"] = "\"Sector\"",
        ["authorisation"] = "\"Authorisation\"",
    };

    private static readonly Dictionary<string, string> DecisionColumns = new(StringComparer.Ordinal)
    {
        ["destination"] = "\"Destination\"",
        ["controlCode"] = "\"ControlCode\"",
        ["sector"] = "\"Sector\"",
        ["lane"] = "\"Lane\"",
    };

    private static readonly Dictionary<string, string> TimeColumns = new(StringComparer.Ordinal)
    {
        ["destination"] = "\"Destination\"",
        ["lane"] = "\"Lane\"",
        ["workingDays"] = "\"WorkingDays\"",
    };

    /// <summary>Exports in the periods between two days (inclusive), grouped by the given dimensions, sorted by them.</summary>
    public async Task<IReadOnlyList<ExportRow>> ExportsAsync(DateOnly? from, DateOnly? to, string? groupBy, string? destination, CancellationToken ct)
    {
        var query = new RollupQuery("ExportTotals", ExportColumns, groupBy, "month,destination").Between(from, to);
        FilterDestination(query, destination);
        var (sql, parameters) = query.Build(
            "CAST(SUM(\"Grams\") AS BIGINT) AS \"Grams\"", "CAST(SUM(\"ValueCents\") AS BIGINT) AS \"ValueCents\"", "CAST(SUM(\"Shipments\") AS BIGINT) AS \"Shipments\"");
        var rows = await db.Database.SqlQueryRaw<ExportSum>(sql, parameters).ToListAsync(ct);
        return rows
            .Select(r => new ExportRow(Month(query, r.PeriodStart), Week(query, r.PeriodStart), r.Destination, r.ControlCode, r.Sector, r.Authorisation, r.Grams / 1000m, r.ValueCents / 100m, (int)r.Shipments))
            .OrderBy(r => r.Month).ThenBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.Destination, StringComparer.Ordinal).ThenBy(r => r.ControlCode, StringComparer.Ordinal)
            .ThenBy(r => r.Sector, StringComparer.Ordinal).ThenBy(r => r.Authorisation, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Outcomes reached in the periods between two days, grouped by month or week, destination, controlCode, sector and/or lane.</summary>
    public async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(DateOnly? from, DateOnly? to, string? groupBy, string? destination, CancellationToken ct)
    {
        var query = new RollupQuery("DecisionTotals", DecisionColumns, groupBy, "month,lane").Between(from, to);
        FilterDestination(query, destination);
        string Count(string outcome) => $"CAST(SUM(CASE WHEN \"Outcome\" = '{outcome}' THEN \"Applications\" ELSE 0 END) AS BIGINT) AS \"{Pascal(outcome)}\"";
        string Grams(string outcome) => $"CAST(SUM(CASE WHEN \"Outcome\" = '{outcome}' THEN \"Grams\" ELSE 0 END) AS BIGINT) AS \"{Pascal(outcome)}Grams\"";
        var (sql, parameters) = query.Build(Count("approved"), Count("denied"), Count("withdrawn"), Count("not-required"), Grams("approved"), Grams("denied"));
        var rows = await db.Database.SqlQueryRaw<DecisionSum>(sql, parameters).ToListAsync(ct);
        return rows
            .Select(r =>
            {
                var decided = r.Approved + r.Denied;
                decimal? Rate(long n) => decided == 0 ? null : decimal.Round((decimal)n / decided, 4);
                return new DecisionRow(
                    Month(query, r.PeriodStart), Week(query, r.PeriodStart), r.Destination, r.ControlCode, r.Sector, r.Lane,
                    (int)(r.Approved + r.Denied + r.Withdrawn + r.NotRequired), (int)r.Approved, (int)r.Denied, (int)r.Withdrawn, (int)r.NotRequired,
                    Rate(r.Approved), Rate(r.Denied), r.ApprovedGrams / 1000m, r.DeniedGrams / 1000m);
            })
            .OrderBy(r => r.Month).ThenBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.Destination, StringComparer.Ordinal).ThenBy(r => r.ControlCode, StringComparer.Ordinal)
            .ThenBy(r => r.Sector, StringComparer.Ordinal).ThenBy(r => r.Lane, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Processing-time percentiles of the decisions in the periods between two days, grouped by month or week,
    /// destination and/or lane (default: per lane and destination). The database returns the histogram of
    /// working days per group; the percentiles are read off it exactly.
    /// </summary>
    public async Task<IReadOnlyList<ProcessingTimeRow>> ProcessingTimesAsync(DateOnly? from, DateOnly? to, string? groupBy, string? destination, CancellationToken ct)
    {
        var query = new RollupQuery("ProcessingTimes", TimeColumns, AddDimension(groupBy, "lane,destination", "workingDays"), "lane,destination,workingDays");
        query.Between(from, to);
        FilterDestination(query, destination);
        var (sql, parameters) = query.Build("CAST(SUM(\"Decisions\") AS BIGINT) AS \"Decisions\"");
        var bins = await db.Database.SqlQueryRaw<TimeBin>(sql, parameters).ToListAsync(ct);
        return bins
            .GroupBy(b => (b.PeriodStart, b.Destination, b.Lane))
            .Select(g =>
            {
                var p = WorkingDayPercentiles.Of(g.Select(b => (b.WorkingDays ?? 0, (int)b.Decisions)));
                return new ProcessingTimeRow(Month(query, g.Key.PeriodStart), Week(query, g.Key.PeriodStart), g.Key.Destination, g.Key.Lane, p.Decisions, p.Median, p.P90, p.P95, p.Max, p.Mean);
            })
            .OrderBy(r => r.Month).ThenBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.Lane, StringComparer.Ordinal).ThenBy(r => r.Destination, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The movements of a month (default: the latest month with exports) per destination, biggest change
    /// first; destinations under <paramref name="minimumKg"/> in both months are left out.
    /// </summary>
    public async Task<IReadOnlyList<MovementRow>> MovementsAsync(DateOnly? month, decimal minimumKg, CancellationToken ct)
    {
        if (minimumKg < 0)
        {
            throw new DomainException("minimumKg", "The minimum must be zero or more kg.");
        }

        var at = month is { } m ? new DateOnly(m.Year, m.Month, 1) : await LatestMonthAsync(ct);
        if (at is not { } first)
        {
            return [];
        }

        DateOnly[] months = [first, first.AddMonths(-1), first.AddMonths(-12)];
        var grain = WireName.Of(Grain.Month);
        var flows = (await db.ExportTotals.AsNoTracking().Where(e => e.Grain == grain && months.Contains(e.PeriodStart)).ToListAsync(ct))
            .GroupBy(e => (Month: e.PeriodStart, e.Destination))
            .Select(g => new MonthlyFlow(g.Key.Month, g.Key.Destination, g.Sum(e => e.Grams) / 1000m, g.Sum(e => e.ValueCents) / 100m, g.Sum(e => e.Shipments)));
        return MovementDetector.Detect(flows, first, minimumKg)
            .Select(x => new MovementRow(x.Destination, x.Month, x.Kg, x.PreviousKg, x.YearAgoKg, x.MonthOnMonth, x.YearOnYear, x.Describe()))
            .ToList();
    }

    /// <summary>The latest month with any export, or null when there are none.</summary>
    public async Task<DateOnly?> LatestMonthAsync(CancellationToken ct)
    {
        var grain = WireName.Of(Grain.Month);
        return await db.ExportTotals.AsNoTracking().Where(e => e.Grain == grain).OrderByDescending(e => e.PeriodStart).Select(e => (DateOnly?)e.PeriodStart).FirstOrDefaultAsync(ct);
    }

    private static void FilterDestination(RollupQuery query, string? destination)
    {
        if (!string.IsNullOrWhiteSpace(destination))
        {
            query.Where("\"Destination\"", CountryCode.Parse(destination, "destination").Value, "=");
        }
    }

    /// <summary>Processing times always group by working days too (the histogram), on top of what was asked.</summary>
    private static string AddDimension(string? groupBy, string defaultGroupBy, string dimension) =>
        (string.IsNullOrWhiteSpace(groupBy) ? defaultGroupBy : groupBy) + "," + dimension;

    private static DateOnly? Month(RollupQuery query, DateOnly? start) => query.Has("month") ? start : null;

    private static string? Week(RollupQuery query, DateOnly? start) => query.Has("week") && start is { } s ? Periods.Label(s, Grain.Week) : null;

    private static string Pascal(string outcome) => outcome == "not-required" ? "NotRequired" : char.ToUpperInvariant(outcome[0]) + outcome[1..];

    private sealed class ExportSum
    {
        public DateOnly? PeriodStart { get; init; }

        public string? Destination { get; init; }

        public string? ControlCode { get; init; }

        public string? Sector { get; init; }

        public string? Authorisation { get; init; }

        public long Grams { get; init; }

        public long ValueCents { get; init; }

        public long Shipments { get; init; }
    }

    private sealed class DecisionSum
    {
        public DateOnly? PeriodStart { get; init; }

        public string? Destination { get; init; }

        public string? ControlCode { get; init; }

        public string? Sector { get; init; }

        public string? Lane { get; init; }

        public long Approved { get; init; }

        public long Denied { get; init; }

        public long Withdrawn { get; init; }

        public long NotRequired { get; init; }

        public long ApprovedGrams { get; init; }

        public long DeniedGrams { get; init; }
    }

    private sealed class TimeBin
    {
        public DateOnly? PeriodStart { get; init; }

        public string? Destination { get; init; }

        public string? Lane { get; init; }

        public int? WorkingDays { get; init; }

        public long Decisions { get; init; }
    }
}
