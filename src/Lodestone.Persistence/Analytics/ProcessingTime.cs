namespace Lodestone.Persistence.Analytics;

/// <summary>
/// Processing times as a histogram: decisions per period × destination × lane × number of working days from
/// acceptance to decision (clock stops excluded, as art. 17 counts them). Percentiles are read off the
/// cumulative counts, exactly, without touching the applications.
/// </summary>
public sealed class ProcessingTime
{
    /// <summary><c>month</c> or <c>week</c>.</summary>
    public string Grain { get; set; } = "month";

    /// <summary>The first day of the period the decision fell in.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>ISO 3166-1 alpha-2 destination.</summary>
    public string Destination { get; set; } = string.Empty;

    /// <summary>The lane.</summary>
    public string Lane { get; set; } = string.Empty;

    /// <summary>Working days the decision took.</summary>
    public int WorkingDays { get; set; }

    /// <summary>Decisions (approvals and denials) that took exactly <see cref="WorkingDays"/>.</summary>
    public int Decisions { get; set; }
}
