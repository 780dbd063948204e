using BenchmarkDotNet.Running;
using Lodestone.Benchmarks.Analytics;
using Lodestone.Benchmarks.Screening;

namespace Lodestone.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet's --filter), or one of the load
/// programs: <c>screening-accuracy</c>, <c>screening-speed</c> or <c>analytics</c> (options in docs/benchmarks.md).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "analytics")
        {
            var options = BenchOptions.Parse(args.Skip(1));
            using var report = new Report(options.String("out"));
            return AnalyticsBench.RunAsync(options, report, CancellationToken.None).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "screening-profile")
        {
            var options = BenchOptions.Parse(args.Skip(1));
            using var report = new Report(options.String("out"));
            return ScreeningProfile.Run(options, report);
        }

        if (args.Length > 0 && args[0] is "screening-accuracy" or "screening-speed")
        {
            var options = BenchOptions.Parse(args.Skip(1));
            var paths = BenchPaths.Resolve(options);
            using var report = new Report(options.String("out"));
            return args[0] == "screening-accuracy"
                ? ScreeningAccuracy.Run(paths, options, report)
                : ScreeningSpeed.Run(paths, options, report);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
