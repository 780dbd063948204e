namespace Lodestone.Persistence.Analytics;

/// <summary>
/// The export roll-up: released quantity, value and declarations per month × destination × control code ×
/// end-user sector × authorisation, kept up to date in the transaction that releases goods, so dashboard
/// queries read a few thousand rows instead of every shipment. <see cref="Source"/> tells shipments recorded
/// in Lodestone from customs statistics loaded for the time before it (the demo's calibrated history).
/// </summary>
public sealed class ExportMonth
{
    /// <summary>Rows built from shipments; a rebuild replaces exactly these.</summary>
    public const string FromShipments = "shipments";

    /// <summary>Rows loaded from published customs statistics.</summary>
    public const string FromStatistics = "customs-statistics";

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    /// <summary>ISO 3166-1 alpha-2 destination.</summary>
    public string Destination { get; set; } = string.Empty;

    /// <summary>The item's control code, empty for goods not controlled (or unknown in statistics).</summary>
    public string ControlCode { get; set; } = string.Empty;

    /// <summary>The end user's main sector, empty when unknown.</summary>
    public string Sector { get; set; } = string.Empty;

    /// <summary><c>licence</c>, <c>veu</c>, <c>none</c>, or empty in statistics.</summary>
    public string Authorisation { get; set; } = string.Empty;

    /// <summary><see cref="FromShipments"/> or <see cref="FromStatistics"/>.</summary>
    public string Source { get; set; } = FromShipments;

    /// <summary>Quantity in grams (whole numbers add exactly on both databases).</summary>
    public long Grams { get; set; }

    /// <summary>Value in cents.</summary>
    public long ValueCents { get; set; }

    /// <summary>Declarations; one with items under two codes is counted on its first code's row only.</summary>
    public int Shipments { get; set; }
}
