namespace Lodestone.Persistence.Analytics;

/// <summary>
/// The export roll-up: released quantity, value and declarations per period × destination × control code ×
/// end-user sector × authorisation, kept up to date in the transaction that releases goods, so dashboard
/// queries read a few thousand rows instead of every shipment. Each release is counted once per grain
/// (a month row and a week row). <see cref="Source"/> tells shipments recorded in Lodestone from customs
/// statistics loaded for the time before it (the demo's calibrated history, monthly only).
/// </summary>
public sealed class ExportTotal
{
    /// <summary>Rows built from shipments; a rebuild replaces exactly these.</summary>
    public const string FromShipments = "shipments";

    /// <summary>Rows loaded from published customs statistics.</summary>
    public const string FromStatistics = "customs-statistics";

    /// <summary><c>month</c> or <c>week</c> (see <see cref="Domain.Analytics.Grain"/>).</summary>
    public string Grain { get; set; } = "month";

    /// <summary>The first day of the period: the 1st of the month, or the Monday of the ISO week.</summary>
    public DateOnly PeriodStart { get; set; }

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
