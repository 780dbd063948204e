namespace Lodestone.Domain.Classification;

/// <summary>
/// The physical form of a product, which is how Ann. 18 (2025) splits each heading: metal, alloys,
/// targets and magnets under <c>.a</c>, oxides under <c>.b</c>, compounds under <c>.c</c>.
/// </summary>
public enum ProductForm
{
    /// <summary>Metal.</summary>
    Metal,

    /// <summary>Alloy.</summary>
    Alloy,

    /// <summary>Sputtering target.</summary>
    Target,

    /// <summary>Oxide or oxide mixture.</summary>
    Oxide,

    /// <summary>Compound or compound mixture.</summary>
    Compound,

    /// <summary>Permanent magnet or magnet material.</summary>
    Magnet,
}
