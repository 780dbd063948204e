namespace Lodestone.Domain.Analytics;

/// <summary>Percentiles of processing times in working days, with how many decisions they rest on.</summary>
/// <param name="Decisions">Decisions counted.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Max">The longest.</param>
/// <param name="Mean">The mean, to one decimal.</param>
public sealed record WorkingDayPercentiles(int Decisions, int Median, int P90, int P95, int Max, decimal Mean)
{
    /// <summary>
    /// Nearest-rank percentiles of a histogram (working days → decisions). Nearest rank gives a value that
    /// some decision actually took, which is what "95% were decided within N working days" means.
    /// </summary>
    /// <exception cref="ArgumentException">The histogram is empty or has negative counts.</exception>
    public static WorkingDayPercentiles Of(IEnumerable<(int WorkingDays, int Decisions)> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var bins = histogram.Where(b => b.Decisions != 0).GroupBy(b => b.WorkingDays)
            .Select(g => (Days: g.Key, Count: g.Sum(b => b.Decisions))).OrderBy(b => b.Days).ToList();
        if (bins.Any(b => b.Count < 0 || b.Days < 0))
        {
            throw new ArgumentException("Counts and working days cannot be negative.", nameof(histogram));
        }

        var total = bins.Sum(b => b.Count);
        if (total == 0)
        {
            throw new ArgumentException("No decisions to take percentiles of.", nameof(histogram));
        }

        int Rank(int percent)
        {
            // The smallest value with at least percent% of decisions at or below it.
            var rank = (int)Math.Ceiling(percent / 100m * total);
            var seen = 0;
            foreach (var (days, count) in bins)
            {
                seen += count;
                if (seen >= rank)
                {
                    return days;
                }
            }

            return bins[^1].Days;
        }

        var mean = decimal.Round((decimal)bins.Sum(b => (long)b.Days * b.Count) / total, 1);
        return new WorkingDayPercentiles(total, Rank(50), Rank(90), Rank(95), bins[^1].Days, mean);
    }
}
