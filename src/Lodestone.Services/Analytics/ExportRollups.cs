using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Domain.Shipments;
using Lodestone.Persistence;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Analytics;

/// <summary>
/// Keeps the export roll-up (<see cref="ExportTotal"/>) in step with released goods. Each release adds its
/// quantities with one upsert per control code (<c>INSERT … ON CONFLICT DO UPDATE</c>, the same statement on
/// SQLite and PostgreSQL) inside the transaction that releases them, so the roll-up commits or rolls back
/// with the shipment and concurrent releases add up exactly.
/// </summary>
public sealed class ExportRollups(LodestoneDbContext db)
{
    /// <summary>Adds released goods to the roll-up, in the caller's transaction.</summary>
    public async Task AddAsync(Shipment shipment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var sector = await SectorOfAsync(shipment.EndUserId, ct);
        foreach (var row in RowsOf(shipment, sector))
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "ExportTotals" ("Grain", "PeriodStart", "Destination", "ControlCode", "Sector", "Authorisation", "Source", "Grams", "ValueCents", "Shipments")
                VALUES ({row.Grain}, {row.PeriodStart}, {row.Destination}, {row.ControlCode}, {row.Sector}, {row.Authorisation}, {row.Source}, {row.Grams}, {row.ValueCents}, {row.Shipments})
                ON CONFLICT ("Grain", "PeriodStart", "Destination", "ControlCode", "Sector", "Authorisation", "Source") DO UPDATE SET
                    "Grams" = "ExportTotals"."Grams" + excluded."Grams",
                    "ValueCents" = "ExportTotals"."ValueCents" + excluded."ValueCents",
                    "Shipments" = "ExportTotals"."Shipments" + excluded."Shipments"
                """,
                ct);
        }
    }

    /// <summary>
    /// Recomputes the shipment rows of the roll-up from every released shipment (after an upgrade, or to
    /// repair it); customs-statistics rows are left alone. Returns the rows written.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ExportTotals.Where(e => e.Source == ExportTotal.FromShipments).ExecuteDeleteAsync(ct);
        var released = new[] { ShipmentStatus.Released, ShipmentStatus.Arrived, ShipmentStatus.InUse };
        var sectors = (await db.Parties.AsNoTracking().Select(p => new { p.Id, p.Sectors }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Sectors.Count > 0 ? WireName.Of(p.Sectors[0]) : string.Empty);

        // Streamed, untracked: ten million shipments never sit in memory at once, only their sums.
        var sums = new Dictionary<(string, DateOnly, string, string, string, string), ExportTotal>();
        await foreach (var shipment in db.Shipments.AsNoTracking().Where(s => released.Contains(s.Status)).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var row in RowsOf(shipment, sectors.GetValueOrDefault(shipment.EndUserId, string.Empty)))
            {
                var key = (row.Grain, row.PeriodStart, row.Destination, row.ControlCode, row.Sector, row.Authorisation);
                if (sums.TryGetValue(key, out var sum))
                {
                    sum.Grams += row.Grams;
                    sum.ValueCents += row.ValueCents;
                    sum.Shipments += row.Shipments;
                }
                else
                {
                    sums[key] = row;
                }
            }
        }

        var rows = sums.Values.ToList();
        db.ExportTotals.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>Kilograms as whole grams (quantities have at most 3 decimals).</summary>
    public static long ToGrams(decimal kg) => (long)decimal.Round(kg * 1000m);

    /// <summary>A value as whole cents (values have at most 2 decimals).</summary>
    public static long ToCents(decimal value) => (long)decimal.Round(value * 100m);

    /// <summary>
    /// One row per grain and control code; the declaration is counted once per grain, on its first code's row,
    /// so totals over codes count it once.
    /// </summary>
    private static IEnumerable<ExportTotal> RowsOf(Shipment s, string sector) =>
        Periods.All.SelectMany(grain => s.Items.GroupBy(i => i.ControlCodes.Count > 0 ? i.ControlCodes[0] : string.Empty, StringComparer.Ordinal).Select((g, index) => new ExportTotal
        {
            Grain = WireName.Of(grain),
            PeriodStart = Periods.StartOf(s.DeclaredOn, grain),
            Destination = s.Destination.Value,
            ControlCode = g.Key,
            Sector = sector,
            Authorisation = WireName.Of(s.Authorisation),
            Source = ExportTotal.FromShipments,
            Grams = ToGrams(g.Sum(i => i.QuantityKg)),
            ValueCents = ToCents(g.Sum(i => i.Value)),
            Shipments = index == 0 ? 1 : 0,
        }));

    private async Task<string> SectorOfAsync(Guid endUserId, CancellationToken ct)
    {
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == endUserId, ct);
        return party is { Sectors.Count: > 0 } ? WireName.Of(party.Sectors[0]) : string.Empty;
    }
}
