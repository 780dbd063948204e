using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Analytics;

/// <summary>One row of the exports table; dimensions not grouped by are null.</summary>
public sealed record ExportRow(DateOnly? Month, string? Destination, string? ControlCode, string? Sector, string? Authorisation, decimal Kg, decimal Value, int Shipments);

/// <summary>A month's movement for one destination, with its description ("US −28.7% m/m, September 2025").</summary>
public sealed record MovementRow(string Destination, DateOnly Month, decimal Kg, decimal? PreviousKg, decimal? YearAgoKg, decimal? MonthOnMonth, decimal? YearOnYear, string Description);

/// <summary>
/// Aggregates of export flows, read from the roll-up only: an analyst sees totals by month, destination,
/// control code, end-user sector and authorisation, never a shipment or a party.
/// </summary>
public sealed class AnalyticsService(LodestoneDbContext db)
{
    /// <summary>The dimensions <c>groupBy</c> takes.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["month", "destination", "controlCode", "sector", "authorisation"];

    /// <summary>Exports between two months (inclusive), grouped by the given dimensions, sorted by them.</summary>
    public async Task<IReadOnlyList<ExportRow>> ExportsAsync(DateOnly? from, DateOnly? to, string? groupBy, string? destination, CancellationToken ct)
    {
        var dims = ParseGroupBy(groupBy);
        var query = Range(from, to);
        if (!string.IsNullOrWhiteSpace(destination))
        {
            var code = CountryCode.Parse(destination, "destination").Value;
            query = query.Where(e => e.Destination == code);
        }

        var rows = await query.ToListAsync(ct);
        return rows
            .GroupBy(e => new ExportRow(
                dims.Contains("month") ? e.Month : null,
                dims.Contains("destination") ? e.Destination : null,
                dims.Contains("controlCode") ? e.ControlCode : null,
                dims.Contains("sector") ? e.Sector : null,
                dims.Contains("authorisation") ? e.Authorisation : null,
                0m, 0m, 0))
            .Select(g => g.Key with { Kg = g.Sum(e => e.Grams) / 1000m, Value = g.Sum(e => e.ValueCents) / 100m, Shipments = g.Sum(e => e.Shipments) })
            .OrderBy(r => r.Month).ThenBy(r => r.Destination, StringComparer.Ordinal).ThenBy(r => r.ControlCode, StringComparer.Ordinal)
            .ThenBy(r => r.Sector, StringComparer.Ordinal).ThenBy(r => r.Authorisation, StringComparer.Ordinal)
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
        var flows = (await db.ExportMonths.AsNoTracking().Where(e => months.Contains(e.Month)).ToListAsync(ct))
            .GroupBy(e => (e.Month, e.Destination))
            .Select(g => new MonthlyFlow(g.Key.Month, g.Key.Destination, g.Sum(e => e.Grams) / 1000m, g.Sum(e => e.ValueCents) / 100m, g.Sum(e => e.Shipments)));
        return MovementDetector.Detect(flows, first, minimumKg)
            .Select(x => new MovementRow(x.Destination, x.Month, x.Kg, x.PreviousKg, x.YearAgoKg, x.MonthOnMonth, x.YearOnYear, x.Describe()))
            .ToList();
    }

    /// <summary>The latest month with any export, or null when there are none.</summary>
    public async Task<DateOnly?> LatestMonthAsync(CancellationToken ct) =>
        await db.ExportMonths.AsNoTracking().OrderByDescending(e => e.Month).Select(e => (DateOnly?)e.Month).FirstOrDefaultAsync(ct);

    private IQueryable<ExportMonth> Range(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new DomainException("from", "'from' must not be after 'to'.");
        }

        var query = db.ExportMonths.AsNoTracking();
        if (from is { } start)
        {
            var first = new DateOnly(start.Year, start.Month, 1);
            query = query.Where(e => e.Month >= first);
        }

        if (to is { } end)
        {
            var last = new DateOnly(end.Year, end.Month, 1);
            query = query.Where(e => e.Month <= last);
        }

        return query;
    }

    private static HashSet<string> ParseGroupBy(string? groupBy)
    {
        var dims = (groupBy ?? "month,destination").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var dim in dims.Where(d => !Dimensions.Contains(d)))
        {
            throw new DomainException("groupBy", $"'{dim}' is not a dimension; use any of {string.Join(", ", Dimensions)}.");
        }

        return dims;
    }
}
