using System.Globalization;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>Recall compared at an equal false-alert rate: the engine's thresholds against the brute force's.</summary>
internal static class EqualAlerts
{
    /// <summary>
    /// Recall against false alerts for both scorers: for each engine threshold, its alert rate on the negatives sample
    /// and its recall, and the brute force at the lowest threshold that alerts no more often. Two scorers with different
    /// score scales are compared fairly only at the same false-alert rate.
    /// </summary>
    public static void Curve(Report report, NegativeTops negatives, (double Engine, double Brute)[] targetScores)
    {
        report.Line();
        report.Line($"Recall at equal false alerts (the {Stats.N(targetScores.Length)} queries above; false alerts: name-only alert rate on the negatives' brute-force sample, n = {Stats.N(negatives.EngineTop.Count)}). For each engine threshold, the brute force at the lowest threshold (0.005 grid) that alerts no more often:");
        report.Line();
        double[] thresholds = [0.70, 0.75, 0.78, 0.80, ScreeningOptions.DefaultThreshold, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92];
        report.Table(
            ["Engine threshold", "Engine false alerts", "Engine recall", "Brute threshold", "Brute false alerts", "Brute recall", "Engine − brute (queries)"],
            thresholds.Distinct().Order().Select(t =>
            {
                var rate = negatives.EngineRate(t);
                var b = negatives.EqualAlertThreshold(rate);
                var engineFound = targetScores.Count(x => x.Engine >= t - 1e-9);
                var bruteFound = targetScores.Count(x => x.Brute >= b - 1e-9);
                return (IReadOnlyList<string>)[
                    $"{t:0.00}", Stats.Pct(rate, 2), $"{Stats.Pct((double)engineFound / targetScores.Length)} ({Stats.N(engineFound)})",
                    $"{b:0.000}", Stats.Pct(negatives.BruteRate(b), 2), $"{Stats.Pct((double)bruteFound / targetScores.Length)} ({Stats.N(bruteFound)})",
                    (engineFound - bruteFound).ToString("+#;−#;0", CultureInfo.InvariantCulture)];
            }));
    }
}

/// <summary>The top name-only score of each scorer on each name of the negatives' brute-force sample (0: no candidate).</summary>
internal sealed record NegativeTops(List<double> EngineTop, List<double> BruteTop)
{
    public double EngineRate(double threshold) => Rate(EngineTop, threshold);

    public double BruteRate(double threshold) => Rate(BruteTop, threshold);

    /// <summary>The lowest brute-force threshold (on a 0.005 grid from 0.5 up) whose alert rate is no higher than <paramref name="rate"/>.</summary>
    public double EqualAlertThreshold(double rate)
    {
        for (var step = 100; step < 200; step++)
        {
            var t = step * 0.005;
            if (BruteRate(t) <= rate)
            {
                return Math.Round(t, 3);
            }
        }

        return 1.0;
    }

    private static double Rate(List<double> tops, double threshold) => (double)tops.Count(s => s > 0 && s >= threshold - 1e-9) / tops.Count;
}
