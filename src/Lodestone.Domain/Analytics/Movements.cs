using System.Globalization;

namespace Lodestone.Domain.Analytics;

/// <summary>Exports to one destination in one month.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Destination">ISO 3166-1 alpha-2 code.</param>
/// <param name="Kg">Quantity released for export.</param>
/// <param name="Value">Customs value.</param>
/// <param name="Shipments">Declarations released.</param>
public sealed record MonthlyFlow(DateOnly Month, string Destination, decimal Kg, decimal Value, int Shipments);

/// <summary>How exports to one destination moved in a month against the month before and the same month a year earlier.</summary>
/// <param name="Destination">ISO 3166-1 alpha-2 code.</param>
/// <param name="Month">The first day of the month.</param>
/// <param name="Kg">This month's quantity.</param>
/// <param name="PreviousKg">The month before, or null when nothing was recorded then.</param>
/// <param name="YearAgoKg">The same month a year earlier, or null when nothing was recorded then.</param>
public sealed record Movement(string Destination, DateOnly Month, decimal Kg, decimal? PreviousKg, decimal? YearAgoKg)
{
    /// <summary>Month-on-month change as a fraction (−0.287 for −28.7%), or null without a previous month.</summary>
    public decimal? MonthOnMonth => Change(PreviousKg);

    /// <summary>Year-on-year change as a fraction, or null without the same month a year earlier.</summary>
    public decimal? YearOnYear => Change(YearAgoKg);

    /// <summary>The change in kg against the month before (the size of the move, for ranking).</summary>
    public decimal ChangeKg => Kg - (PreviousKg ?? 0m);

    /// <summary>"US −28.7% m/m, −29.5% y/y, September 2025": how the dashboard names the move.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (MonthOnMonth is { } mm)
        {
            parts.Add($"{Percent(mm)} m/m");
        }

        if (YearOnYear is { } yy)
        {
            parts.Add($"{Percent(yy)} y/y");
        }

        var change = parts.Count == 0 ? "new" : string.Join(", ", parts);
        return $"{Destination} {change}, {Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";
    }

    private decimal? Change(decimal? before) => before is > 0m ? decimal.Round((Kg - before.Value) / before.Value, 4) : null;

    /// <summary>−28.7% with a true minus sign, +5.0% with a plus.</summary>
    private static string Percent(decimal fraction) =>
        (fraction < 0 ? "\u2212" : "+") + Math.Abs(fraction * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// Finds the month's movements per destination (month-on-month and year-on-year), the biggest first. Pure:
/// it works on monthly flows however they were aggregated.
/// </summary>
public static class MovementDetector
{
    /// <summary>
    /// The movements of <paramref name="month"/> for every destination with exports in it or the month
    /// before, ordered by the size of the change in kg (largest first). Destinations below
    /// <paramref name="minimumKg"/> in both months are left out as noise.
    /// </summary>
    public static IReadOnlyList<Movement> Detect(IEnumerable<MonthlyFlow> flows, DateOnly month, decimal minimumKg = 0m)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var first = new DateOnly(month.Year, month.Month, 1);
        var previous = first.AddMonths(-1);
        var yearAgo = first.AddMonths(-12);
        var byKey = flows
            .GroupBy(f => (Month: new DateOnly(f.Month.Year, f.Month.Month, 1), f.Destination))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Kg));
        decimal? At(DateOnly m, string d) => byKey.TryGetValue((m, d), out var kg) ? kg : null;
        return byKey.Keys.Where(k => k.Month == first || k.Month == previous).Select(k => k.Destination).Distinct()
            .Select(d => new Movement(d, first, At(first, d) ?? 0m, At(previous, d), At(yearAgo, d)))
            .Where(m => m.Kg >= minimumKg || (m.PreviousKg ?? 0m) >= minimumKg)
            .OrderByDescending(m => Math.Abs(m.ChangeKg))
            .ThenBy(m => m.Destination, StringComparer.Ordinal)
            .ToList();
    }
}
