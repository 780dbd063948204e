using System.Collections.ObjectModel;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Classification;

/// <summary>
/// A declared composition in weight percent per element, as a test report states it. An element
/// the report does not name is taken as absent (0 wt%); an empty composition means no evidence.
/// </summary>
public sealed class Composition
{
    /// <summary>Rounding slack for reports whose percentages add up to a little over 100.</summary>
    private const decimal TotalTolerance = 0.5m;

    private readonly SortedDictionary<string, decimal> _percentByElement;

    private Composition(SortedDictionary<string, decimal> percentByElement) => _percentByElement = percentByElement;

    /// <summary>No declared composition at all.</summary>
    public static Composition None { get; } = new(new SortedDictionary<string, decimal>(StringComparer.Ordinal));

    /// <summary>Element symbol to wt%, in symbol order.</summary>
    public IReadOnlyDictionary<string, decimal> PercentByElement => new ReadOnlyDictionary<string, decimal>(_percentByElement);

    /// <summary>True when the composition declares nothing.</summary>
    public bool IsEmpty => _percentByElement.Count == 0;

    /// <summary>The declared wt% of an element, 0 when not declared.</summary>
    public decimal PercentOf(string symbol) => _percentByElement.TryGetValue(symbol, out var p) ? p : 0m;

    /// <summary>Validates and builds a composition; <paramref name="field"/> prefixes error field names.</summary>
    /// <exception cref="DomainException">An unknown element, a duplicate, a percentage outside [0, 100] or a total above 100.</exception>
    public static Composition Create(IEnumerable<KeyValuePair<string, decimal>>? percentByElement, string field = "composition")
    {
        var map = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (symbol, percent) in percentByElement ?? [])
        {
            if (!Elements.TryNormalize(symbol, out var canonical))
            {
                throw new DomainException($"{field}.{symbol}", $"'{symbol}' is not a chemical element symbol.");
            }

            if (percent is < 0m or > 100m)
            {
                throw new DomainException($"{field}.{canonical}", $"{canonical} is {percent} wt%; a weight percentage must lie between 0 and 100.");
            }

            if (!map.TryAdd(canonical, percent))
            {
                throw new DomainException($"{field}.{canonical}", $"{canonical} is declared twice.");
            }
        }

        var total = map.Values.Sum();
        if (total > 100m + TotalTolerance)
        {
            throw new DomainException(field, $"The declared percentages add up to {total} wt%, more than 100.");
        }

        return new Composition(map);
    }

    /// <summary>Renders as "Dy=0.8, Nd=30" for reasons and logs.</summary>
    public override string ToString() => string.Join(", ", _percentByElement.Select(kv => $"{kv.Key}={kv.Value}"));
}
