using BenchmarkDotNet.Running;

namespace Lodestone.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's -filter).</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
