using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Shipments;

/// <summary>The reports art. 18 requires after an export: transport, arrival, installation and use.</summary>
public enum ReportKind
{
    /// <summary>The goods left and how they travel.</summary>
    Transport,

    /// <summary>The goods reached the consignee.</summary>
    Arrival,

    /// <summary>The goods were installed at the end user.</summary>
    Installation,

    /// <summary>The goods are in the declared end use.</summary>
    Use,
}

/// <summary>
/// One post-shipment report owed by the exporter (Dual-Use Items Regulations art. 18), due a configured
/// number of working days after release. An overdue report is raised to officers once, and puts a VEU the
/// goods went under into review.
/// </summary>
public sealed class PostShipmentReport
{
    /// <summary>The longest report text kept.</summary>
    public const int MaxTextLength = 4000;

    private PostShipmentReport()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The shipment reported on.</summary>
    public Guid ShipmentId { get; private set; }

    /// <summary>Which report.</summary>
    public ReportKind Kind { get; private set; }

    /// <summary>Last day to file it.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>When it was filed.</summary>
    public DateTimeOffset? FiledAt { get; private set; }

    /// <summary>Who filed it.</summary>
    public string? FiledBy { get; private set; }

    /// <summary>What it says.</summary>
    public string? Text { get; private set; }

    /// <summary>When it was raised to officers as overdue.</summary>
    public DateTimeOffset? OverdueRaisedAt { get; private set; }

    /// <summary>Optimistic-concurrency version.</summary>
    public int Version { get; private set; }

    /// <summary>True when it is still owed after its due date.</summary>
    public bool IsOverdueOn(DateOnly today) => FiledAt is null && today > DueOn;

    /// <summary>The reports a released shipment owes, each due <paramref name="workingDays"/> of its kind after <paramref name="releasedOn"/>.</summary>
    public static IReadOnlyList<PostShipmentReport> Schedule(
        Func<Guid> newId, Guid shipmentId, DateOnly releasedOn, IReadOnlyDictionary<ReportKind, int> workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(calendar);
        return Enum.GetValues<ReportKind>()
            .Select(kind => new PostShipmentReport
            {
                Id = newId(),
                ShipmentId = shipmentId,
                Kind = kind,
                DueOn = calendar.AddWorkingDays(releasedOn, workingDays.TryGetValue(kind, out var days) ? days : throw new ArgumentException($"No deadline for {kind} reports.", nameof(workingDays))),
            })
            .ToList();
    }

    /// <summary>The exporter files the report (late filing is accepted and shows as late).</summary>
    public void File(string? text, string by, DateTimeOffset now)
    {
        if (FiledAt is not null)
        {
            throw new InvalidStateException($"The {WireName.Of(Kind)} report was already filed on {FiledAt:yyyy-MM-dd}.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxTextLength)
        {
            throw new DomainException("text", $"A report needs its text, at most {MaxTextLength} characters.");
        }

        Text = text.Trim();
        FiledBy = by;
        FiledAt = now;
        Version++;
    }

    /// <summary>Marks an overdue report as raised; true the first time only, so it is raised once.</summary>
    public bool RaiseIfOverdue(DateOnly today, DateTimeOffset now)
    {
        if (!IsOverdueOn(today) || OverdueRaisedAt is not null)
        {
            return false;
        }

        OverdueRaisedAt = now;
        Version++;
        return true;
    }
}
