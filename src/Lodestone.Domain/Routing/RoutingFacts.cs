using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;

namespace Lodestone.Domain.Routing;

/// <summary>A restricted-party list hit on one of an application's parties (or an owner ≥50%).</summary>
/// <param name="Kind">The kind of list.</param>
/// <param name="ListName">The list's name and version.</param>
/// <param name="PartyRole">Which party matched: exporter, consignee, end-user, or an owner.</param>
/// <param name="Detail">The entry and how it was reached.</param>
public sealed record ListHit(ListKind Kind, string ListName, string PartyRole, string Detail);

/// <summary>
/// Everything the policy may look at, gathered before evaluation. The policy never reads the
/// database: facts are assembled by the caller, so routing is a pure function of facts and policy,
/// and a what-if replay only needs the facts as they stood. The application keeps the facts it was routed on
/// (<see cref="Applications.LicenceApplication.RoutedOn"/>), so a replay never has to reconstruct the past.
/// </summary>
public sealed record RoutingFacts
{
    /// <summary>The channel applied for.</summary>
    public required Channel Channel { get; init; }

    /// <summary>True when at least one item is controlled on the date.</summary>
    public required bool ItemControlled { get; init; }

    /// <summary>Control codes of all items.</summary>
    public required IReadOnlyList<string> ControlCodes { get; init; }

    /// <summary>Destination country.</summary>
    public required CountryCode Destination { get; init; }

    /// <summary>Declared end-use category.</summary>
    public required EndUseCategory EndUse { get; init; }

    /// <summary>Sectors of the end user.</summary>
    public required IReadOnlyList<Sector> EndUserSectors { get; init; }

    /// <summary>List hits on any party or owner.</summary>
    public required IReadOnlyList<ListHit> ListHits { get; init; }

    /// <summary>True when the end user or consignee is a military user, or ≥50% owned by military users.</summary>
    public required bool MilitaryLinked { get; init; }

    /// <summary>How the military link runs, for reasons.</summary>
    public IReadOnlyList<string> MilitaryEvidence { get; init; } = [];

    /// <summary>Military owners below the 50% threshold (a red flag).</summary>
    public IReadOnlyList<string> MilitaryMinorityStakes { get; init; } = [];

    /// <summary>The VEU covering the whole application, if any (supplied by the VEU program).</summary>
    public string? VeuCover { get; init; }

    /// <summary>The id of the covering VEU, whose cap a fast-tracked export draws on.</summary>
    public Guid? VeuCoverId { get; init; }

    /// <summary>Why the end user's VEUs do not cover this export ("facility not covered", "annual cap exceeded: …"); stated with the lane.</summary>
    public IReadOnlyList<string> VeuGaps { get; init; } = [];

    /// <summary>Total net quantity of the items in kg (what a what-if replay weighs lanes by).</summary>
    public decimal QuantityKg { get; init; }

    /// <summary>What evidence is missing: composition, documents.</summary>
    public required IReadOnlyList<string> MissingEvidence { get; init; }
}
