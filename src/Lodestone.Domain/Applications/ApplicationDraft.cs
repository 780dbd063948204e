using Lodestone.Domain.Common;

namespace Lodestone.Domain.Applications;

/// <summary>The applicant's input, validated by <see cref="LicenceApplication.File"/>.</summary>
public sealed record ApplicationDraft
{
    /// <summary>Channel.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The Chinese exporter.</summary>
    public required Guid ExporterId { get; init; }

    /// <summary>The consignee; the end user when omitted.</summary>
    public Guid? ConsigneeId { get; init; }

    /// <summary>The end user.</summary>
    public required Guid EndUserId { get; init; }

    /// <summary>The end user's site the goods go to (a VEU covers named facilities only).</summary>
    public string? Facility { get; init; }

    /// <summary>End use.</summary>
    public required EndUse EndUse { get; init; }

    /// <summary>Destination country.</summary>
    public required CountryCode Destination { get; init; }

    /// <summary>ISO 4217 currency of item values.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Items, already classified.</summary>
    public required IReadOnlyList<ApplicationItem> Items { get; init; }

    /// <summary>Documents supplied.</summary>
    public IReadOnlyList<DocumentKind> Documents { get; init; } = [];
}
