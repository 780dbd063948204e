using Lodestone.Domain.Common;
using Lodestone.Domain.Shipments;
using Lodestone.Persistence;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Analytics;

/// <summary>
/// Keeps the export roll-up (<see cref="ExportMonth"/>) in step with released goods. Each release adds its
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
                INSERT INTO "ExportMonths" ("Month", "Destination", "ControlCode", "Sector", "Authorisation", "Source", "Grams", "ValueCents", "Shipments")
                VALUES ({row.Month}, {row.Destination}, {row.ControlCode}, {row.Sector}, {row.Authorisation}, {row.Source}, {row.Grams}, {row.ValueCents}, {row.Shipments})
                ON CONFLICT ("Month", "Destination", "ControlCode", "Sector", "Authorisation", "Source") DO UPDATE SET
                    "Grams" = "ExportMonths"."Grams" + excluded."Grams",
                    "ValueCents" = "ExportMonths"."ValueCents" + excluded."ValueCents",
                    "Shipments" = "ExportMonths"."Shipments" + excluded."Shipments"
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
        await db.ExportMonths.Where(e => e.Source == ExportMonth.FromShipments).ExecuteDeleteAsync(ct);
        var released = new[] { ShipmentStatus.Released, ShipmentStatus.Arrived, ShipmentStatus.InUse };
        var shipments = await db.Shipments.AsNoTracking().Where(s => released.Contains(s.Status)).ToListAsync(ct);
        var endUsers = shipments.Select(s => s.EndUserId).Distinct().ToList();
        var sectors = (await db.Parties.AsNoTracking().Where(p => endUsers.Contains(p.Id)).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Sectors.Count > 0 ? WireName.Of(p.Sectors[0]) : string.Empty);
        var rows = shipments
            .SelectMany(s => RowsOf(s, sectors.GetValueOrDefault(s.EndUserId, string.Empty)))
            .GroupBy(r => (r.Month, r.Destination, r.ControlCode, r.Sector, r.Authorisation))
            .Select(g => new ExportMonth
            {
                Month = g.Key.Month,
                Destination = g.Key.Destination,
                ControlCode = g.Key.ControlCode,
                Sector = g.Key.Sector,
                Authorisation = g.Key.Authorisation,
                Source = ExportMonth.FromShipments,
                Grams = g.Sum(r => r.Grams),
                ValueCents = g.Sum(r => r.ValueCents),
                Shipments = g.Sum(r => r.Shipments),
            })
            .ToList();
        db.ExportMonths.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>Kilograms as whole grams (quantities have at most 3 decimals).</summary>
    public static long ToGrams(decimal kg) => (long)decimal.Round(kg * 1000m);

    /// <summary>A value as whole cents (values have at most 2 decimals).</summary>
    public static long ToCents(decimal value) => (long)decimal.Round(value * 100m);

    /// <summary>One row per control code; the declaration is counted once, on its first code's row, so totals over codes count it once.</summary>
    private static IEnumerable<ExportMonth> RowsOf(Shipment s, string sector) =>
        s.Items.GroupBy(i => i.ControlCodes.Count > 0 ? i.ControlCodes[0] : string.Empty, StringComparer.Ordinal).Select((g, index) => new ExportMonth
        {
            Month = new DateOnly(s.DeclaredOn.Year, s.DeclaredOn.Month, 1),
            Destination = s.Destination.Value,
            ControlCode = g.Key,
            Sector = sector,
            Authorisation = WireName.Of(s.Authorisation),
            Source = ExportMonth.FromShipments,
            Grams = ToGrams(g.Sum(i => i.QuantityKg)),
            ValueCents = ToCents(g.Sum(i => i.Value)),
            Shipments = index == 0 ? 1 : 0,
        });

    private async Task<string> SectorOfAsync(Guid endUserId, CancellationToken ct)
    {
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == endUserId, ct);
        return party is { Sectors.Count: > 0 } ? WireName.Of(party.Sectors[0]) : string.Empty;
    }
}
