using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Shipments;

/// <summary>Where a shipment stands (domain.md §4.2: declared → queried (held) → released | refused → arrived → in use).</summary>
public enum ShipmentStatus
{
    /// <summary>Held by customs while an officer looks at it (art. 21–22).</summary>
    Held,

    /// <summary>Released for export; the licence or VEU was drawn.</summary>
    Released,

    /// <summary>Refused: the cited authorisation cannot cover it.</summary>
    Refused,

    /// <summary>The arrival report was filed.</summary>
    Arrived,

    /// <summary>The use report was filed.</summary>
    InUse,
}

/// <summary>How the goods were authorised.</summary>
public enum AuthorisationKind
{
    /// <summary>Nothing was cited (the goods are not controlled, or customs holds them).</summary>
    None,

    /// <summary>A licence.</summary>
    Licence,

    /// <summary>A validated end-user authorisation.</summary>
    Veu,
}

/// <summary>One line of a customs declaration, with its classification on the declaration date.</summary>
/// <param name="Product">HS code, form, composition and description as declared.</param>
/// <param name="QuantityKg">Net quantity.</param>
/// <param name="Value">Customs value.</param>
/// <param name="ControlCodes">Control entries the composition falls under.</param>
/// <param name="MissingEvidence">What the classification could not settle.</param>
public sealed record ShipmentItem(Product Product, decimal QuantityKg, decimal Value, IReadOnlyList<string> ControlCodes, IReadOnlyList<string> MissingEvidence);

/// <summary>One entry in a shipment's history.</summary>
public sealed record ShipmentEvent(DateTimeOffset At, string By, string Action, ShipmentStatus Status, string Reason);

/// <summary>A customs declaration as filed, before any check.</summary>
public sealed record ShipmentDeclaration
{
    /// <summary>The longest declaration number kept (China's customs numbers have 18 digits).</summary>
    public const int MaxNumberLength = 40;

    /// <summary>Customs declaration number, unique.</summary>
    public required string Number { get; init; }

    /// <summary>Declaration date.</summary>
    public required DateOnly DeclaredOn { get; init; }

    /// <summary>Exporter.</summary>
    public required Guid ExporterId { get; init; }

    /// <summary>Consignee.</summary>
    public required Guid ConsigneeId { get; init; }

    /// <summary>End user.</summary>
    public required Guid EndUserId { get; init; }

    /// <summary>Destination country.</summary>
    public required CountryCode Destination { get; init; }

    /// <summary>The end user's facility the goods go to (VEUs cover named facilities).</summary>
    public string? Facility { get; init; }

    /// <summary>Currency of values.</summary>
    public required string Currency { get; init; }

    /// <summary>Lines.</summary>
    public required IReadOnlyList<ShipmentItem> Items { get; init; }

    /// <summary>The licence cited, if any.</summary>
    public string? LicenceNumber { get; init; }

    /// <summary>The VEU cited, if any.</summary>
    public string? VeuNumber { get; init; }

    /// <summary>Total quantity.</summary>
    public decimal QuantityKg => Items.Sum(i => i.QuantityKg);

    /// <summary>Total value.</summary>
    public decimal Value => Items.Sum(i => i.Value);

    /// <summary>Checks the shape of the declaration; the checks against the authorisation come after.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Number) || Number.Trim().Length > MaxNumberLength)
        {
            throw new DomainException("declarationNumber", $"The customs declaration number is required (at most {MaxNumberLength} characters).");
        }

        if (LicenceNumber is not null && VeuNumber is not null)
        {
            throw new DomainException("licenceNumber", "Cite a licence or a VEU, not both: a declaration draws on one authorisation.");
        }

        if (Items.Count == 0)
        {
            throw new DomainException("items", "A declaration needs at least one item.");
        }

        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (string.IsNullOrWhiteSpace(item.Product.HsCode))
            {
                throw new DomainException($"items[{i}].hsCode", "Every declared item needs its HS code.");
            }

            if (item.QuantityKg <= 0 || item.QuantityKg > 1_000_000_000m || decimal.Round(item.QuantityKg, 3) != item.QuantityKg)
            {
                throw new DomainException($"items[{i}].quantityKg", "The quantity must be a positive number of kg with at most 3 decimals.");
            }

            if (item.Value < 0 || decimal.Round(item.Value, 2) != item.Value)
            {
                throw new DomainException($"items[{i}].value", "The value must be zero or more, with at most 2 decimals.");
            }
        }
    }
}
