using Lodestone.Domain.Analytics;

namespace Lodestone.Domain.Tests.Analytics;

/// <summary>Movement detection on the published 2025 magnet figures (domain.md §3.1).</summary>
public sealed class MovementDetectorTests
{
    private static readonly DateOnly Sep2025 = new(2025, 9, 1);

    private static MonthlyFlow Flow(int year, int month, string destination, decimal tonnes) => new(new DateOnly(year, month, 1), destination, tonnes * 1000m, 0m, 1);

    [Fact]
    public void The_September_2025_drop_to_the_US_reads_as_published()
    {
        var flows = new[]
        {
            Flow(2024, 9, "US", 596m), Flow(2025, 8, "US", 589m), Flow(2025, 9, "US", 420m),
            Flow(2025, 8, "DE", 1200m), Flow(2025, 9, "DE", 1288m),
        };
        var moves = MovementDetector.Detect(flows, Sep2025);

        var us = moves[0];
        Assert.Equal("US", us.Destination);
        Assert.Equal(-0.2869m, us.MonthOnMonth);
        Assert.Equal(-0.2953m, us.YearOnYear);
        Assert.Equal("US \u221228.7% m/m, \u221229.5% y/y, September 2025", us.Describe());

        // Germany moved less (+88 t against −169 t), so it comes second, and has no year-earlier figure.
        Assert.Equal(("DE", (decimal?)null), (moves[1].Destination, moves[1].YearOnYear));
        Assert.Equal("DE +7.3% m/m, September 2025", moves[1].Describe());
    }

    [Fact]
    public void Destinations_that_stop_or_start_are_movements_and_small_ones_can_be_left_out()
    {
        var flows = new[] { Flow(2025, 8, "IN", 50m), Flow(2025, 9, "VN", 456m), Flow(2025, 8, "XX", 0.001m), Flow(2025, 9, "XX", 0.002m) };
        var moves = MovementDetector.Detect(flows, new DateOnly(2025, 9, 17), minimumKg: 100m);

        Assert.Equal(["VN", "IN"], moves.Select(m => m.Destination));
        Assert.Equal("VN new, September 2025", moves[0].Describe());
        Assert.Equal(-1m, moves[1].MonthOnMonth);
        Assert.Equal(0m, moves[1].Kg);
    }
}
