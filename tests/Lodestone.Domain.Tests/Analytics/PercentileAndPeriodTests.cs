using Lodestone.Domain.Analytics;

namespace Lodestone.Domain.Tests.Analytics;

/// <summary>Processing-time percentiles read off a histogram, and the calendar periods analytics bucket by.</summary>
public sealed class PercentileAndPeriodTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_values_some_decision_actually_took()
    {
        // Twenty decisions: 10 × 5 days, 8 × 20, 1 × 44, 1 × 60. Rank 10 is the median (5), rank 18 the
        // 90th percentile (20), rank 19 the 95th (44).
        var p = WorkingDayPercentiles.Of([(5, 10), (20, 8), (44, 1), (60, 1)]);
        Assert.Equal((20, 5, 20, 44, 60), (p.Decisions, p.Median, p.P90, p.P95, p.Max));
        Assert.Equal(15.7m, p.Mean); // (50 + 160 + 44 + 60) / 20

        // Bins split across rows (two periods) add up first; empty bins are ignored.
        var merged = WorkingDayPercentiles.Of([(20, 4), (5, 10), (20, 4), (44, 1), (60, 1), (90, 0)]);
        Assert.Equal(p, merged);
    }

    [Fact]
    public void One_decision_is_every_percentile_and_nothing_is_an_error()
    {
        Assert.Equal(new WorkingDayPercentiles(1, 0, 0, 0, 0, 0m), WorkingDayPercentiles.Of([(0, 1)]));
        Assert.Throws<ArgumentException>(() => WorkingDayPercentiles.Of([]));
        Assert.Throws<ArgumentException>(() => WorkingDayPercentiles.Of([(3, -1)]));
    }

    [Theory]
    [InlineData("2025-09-15", "2025-09-15", "2025-W38")] // a Monday starts its own week
    [InlineData("2025-09-21", "2025-09-15", "2025-W38")] // Sunday belongs to the week before
    [InlineData("2025-01-01", "2024-12-30", "2025-W01")] // ISO week 1 of 2025 starts in December 2024
    [InlineData("2027-01-01", "2026-12-28", "2026-W53")] // 2026 has 53 ISO weeks
    public void Weeks_run_Monday_to_Sunday_and_carry_their_ISO_label(string day, string monday, string label)
    {
        var start = Periods.StartOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Grain.Week);
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(label, Periods.Label(start, Grain.Week));
    }

    [Fact]
    public void Months_start_on_the_first_and_grains_parse_by_wire_name()
    {
        Assert.Equal(new DateOnly(2025, 9, 1), Periods.StartOf(new DateOnly(2025, 9, 30), Grain.Month));
        Assert.Equal("2025-09", Periods.Label(new DateOnly(2025, 9, 1), Grain.Month));
        Assert.Equal((Grain.Month, Grain.Week, Grain.Month), (Periods.ParseGrain("month"), Periods.ParseGrain("week"), Periods.ParseGrain(null)));
        Assert.Throws<Lodestone.Domain.Common.DomainException>(() => Periods.ParseGrain("fortnight"));
    }
}
