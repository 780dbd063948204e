using Lodestone.DataFiles;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Demo;

/// <summary>
/// Calibrates the demo's export history to published customs totals (domain.md §3.1, in
/// <c>data/demo/magnet-exports.csv</c>): for each month and destination, what the demo's own shipments do
/// not account for is loaded as a customs-statistics row of the roll-up, so the dashboard shows the real
/// 2024–2025 curve (the May 2025 collapse, the September drop to the US) while the demo's shipments stay
/// the individual records behind it.
/// </summary>
internal sealed class DemoCustomsHistory(LodestoneDbContext db)
{
    /// <summary>Unit value of sintered magnets in the statistics rows (USD per kg; a modelling assumption).</summary>
    private const decimal UsdPerKg = 55m;

    /// <summary>Tonnes per declaration, to give the statistics rows a plausible shipment count.</summary>
    private const decimal TonnesPerDeclaration = 2m;

    /// <summary>
    /// How a month's total not given by destination is spread: the real destination mix of Chinese magnet
    /// exports (Germany, Korea, Vietnam and Japan lead; the EU took about 37% in H1 2025). A modelling assumption.
    /// </summary>
    private static readonly Dictionary<string, decimal> Mix = new(StringComparer.Ordinal)
    {
        ["DE"] = 22m,
        ["KR"] = 15m,
        ["VN"] = 8m,
        ["JP"] = 5m,
        ["IN"] = 7m,
        ["IT"] = 5m,
        ["TH"] = 5m,
        ["NL"] = 4m,
        ["PL"] = 4m,
        ["MX"] = 4m,
        ["FR"] = 3m,
        ["ES"] = 2m,
        ["TR"] = 2m,
        ["BR"] = 2m,
        ["CZ"] = 2m,
        ["HU"] = 2m,
    };

    /// <summary>Loads the statistics rows of the months before <paramref name="today"/>'s; returns how many.</summary>
    public async Task<int> LoadAsync(string dataDirectory, DateOnly today, CancellationToken ct)
    {
        // Customs publish a month's figures after it ends: a demo seeded on a past date gets no later figures.
        var current = new DateOnly(today.Year, today.Month, 1);
        var figures = ExportStatisticsFile.Load(Path.Combine(dataDirectory, "demo", "magnet-exports.csv")).Where(f => f.Month < current).ToList();
        // Statistics are monthly, so they add to the month grain only; weekly views show shipments alone.
        var month = WireName.Of(Grain.Month);
        var shipped = (await db.ExportTotals.AsNoTracking().Where(e => e.Source == ExportTotal.FromShipments && e.Grain == month).ToListAsync(ct))
            .GroupBy(e => (Month: e.PeriodStart, e.Destination))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Grams));
        var rows = new List<ExportTotal>();
        foreach (var figure in figures.GroupBy(f => f.Month))
        {
            var total = figure.Single(f => f.Destination == "*").Tonnes;
            var named = figure.Where(f => f.Destination != "*").ToDictionary(f => f.Destination, f => f.Tonnes, StringComparer.Ordinal);
            // Demo shipments to destinations outside the mix count towards the month's total too.
            var elsewhere = shipped.Where(x => x.Key.Month == figure.Key && !named.ContainsKey(x.Key.Destination) && !Mix.ContainsKey(x.Key.Destination)).Sum(x => x.Value);
            var rest = total - named.Values.Sum() - (elsewhere / 1_000_000m);
            var weights = Mix.Where(m => !named.ContainsKey(m.Key)).ToList();
            var spread = weights.ToDictionary(w => w.Key, w => rest * w.Value / weights.Sum(x => x.Value), StringComparer.Ordinal);
            foreach (var (destination, tonnes) in named.Concat(spread))
            {
                var grams = (long)decimal.Round(tonnes * 1_000_000m) - shipped.GetValueOrDefault((figure.Key, destination));
                if (grams <= 0)
                {
                    continue;
                }

                rows.Add(new ExportTotal
                {
                    Grain = month,
                    PeriodStart = figure.Key,
                    Destination = destination,
                    Source = ExportTotal.FromStatistics,
                    Grams = grams,
                    ValueCents = (long)decimal.Round(grams / 1000m * UsdPerKg * 100m),
                    Shipments = (int)Math.Max(1m, decimal.Round(grams / 1_000_000m / TonnesPerDeclaration)),
                });
            }
        }

        db.ExportTotals.AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }
}
