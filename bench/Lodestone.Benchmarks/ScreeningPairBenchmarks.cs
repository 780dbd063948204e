using BenchmarkDotNet.Attributes;
using Lodestone.Benchmarks.Screening;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks;

/// <summary>
/// The cost of scoring one name pair, engine (normalise both names, score, explain) against the
/// brute-force reference's pair scorer (tokenise both names, best-pairs Jaro-Winkler). The baseline is
/// the brute-force person pair.
/// </summary>
[MemoryDiagnoser]
public class ScreeningPairBenchmarks
{
    [Benchmark(Baseline = true)]
    public double BrutePerson() => BruteForce.Compare("Vladimir Vladimirovich Putin", "PUTIN, Vladimir");

    [Benchmark]
    public double EnginePerson() => NameMatcher.Compare("Vladimir Vladimirovich Putin", "PUTIN, Vladimir").Score;

    [Benchmark]
    public double BruteCompany() => BruteForce.Compare("Huawei Tech. Co Ltd", "HUAWEI TECHNOLOGIES CO., LTD.");

    [Benchmark]
    public double EngineCompany() => NameMatcher.Compare("Huawei Tech. Co Ltd", "HUAWEI TECHNOLOGIES CO., LTD.").Score;

    [Benchmark]
    public double EngineChinese() => NameMatcher.Compare("华为技术有限公司", "Huawei Technologies Co., Ltd.").Score;
}
