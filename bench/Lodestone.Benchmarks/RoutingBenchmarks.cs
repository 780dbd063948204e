using BenchmarkDotNet.Attributes;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Benchmarks;

/// <summary>
/// The per-application cost of the pure routing core: classifying an item, walking the default
/// policy, and computing the 45-working-day due date. The baseline is a policy of one catch-all rule,
/// the least work an evaluation can do.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private static readonly Product DyMagnet = Product.Create(ProductForm.Magnet, Composition.Create([new("Nd", 29m), new("Dy", 0.8m), new("Fe", 69m), new("B", 1m)]), "8505111000");
    private static readonly DateOnly Day = new(2025, 9, 15);
    private static readonly RoutingPolicy CatchAll = RoutingPolicy.Create("baseline", Day, null, [new PolicyRule("all", Lane.Standard, "all", new RuleConditions())], []);

    private static readonly RoutingFacts Civilian = new()
    {
        Channel = Channel.Individual,
        ItemControlled = true,
        ControlCodes = ["1C905.a.4"],
        Destination = CountryCode.Parse("DE", "d"),
        EndUse = EndUseCategory.Automotive,
        EndUserSectors = [Sector.Automotive],
        ListHits = [],
        MilitaryLinked = false,
        MissingEvidence = [],
    };

    [Benchmark(Baseline = true)]
    public RoutingDecision EvaluateCatchAllPolicy() => CatchAll.Evaluate(Civilian);

    /// <summary>A civilian case falls through all 17 rules to the standard lane: the worst case.</summary>
    [Benchmark]
    public RoutingDecision EvaluateDefaultPolicy() => Reference.Policy.Evaluate(Civilian);

    [Benchmark]
    public ClassificationResult ClassifyDyMagnet() => Classifier.Classify(Reference.ControlList, DyMagnet, Day);

    [Benchmark]
    public DateOnly DueDate45WorkingDays() => Reference.Calendar.AddWorkingDays(Day, 45);
}
