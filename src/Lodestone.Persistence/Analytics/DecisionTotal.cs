namespace Lodestone.Persistence.Analytics;

/// <summary>
/// The decision roll-up: applications that reached an outcome per period of the outcome × destination ×
/// control code × end-user sector × lane × outcome, added in the transaction that decides them. Approval
/// and denial rates by any of these dimensions are sums over these rows.
/// </summary>
public sealed class DecisionTotal
{
    /// <summary><c>month</c> or <c>week</c>.</summary>
    public string Grain { get; set; } = "month";

    /// <summary>The first day of the period the outcome fell in.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>ISO 3166-1 alpha-2 destination.</summary>
    public string Destination { get; set; } = string.Empty;

    /// <summary>The first item's control code, empty when none was controlled.</summary>
    public string ControlCode { get; set; } = string.Empty;

    /// <summary>The end user's main sector, empty when unknown.</summary>
    public string Sector { get; set; } = string.Empty;

    /// <summary>The lane the application was routed to.</summary>
    public string Lane { get; set; } = string.Empty;

    /// <summary><c>approved</c>, <c>denied</c>, <c>withdrawn</c> or <c>not-required</c>.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>Applications.</summary>
    public int Applications { get; set; }

    /// <summary>Quantity applied for, in grams.</summary>
    public long Grams { get; set; }
}
