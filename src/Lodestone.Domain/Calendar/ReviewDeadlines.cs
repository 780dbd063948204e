namespace Lodestone.Domain.Calendar;

/// <summary>The statutory review limits, in working days from acceptance.</summary>
public static class ReviewDeadlines
{
    /// <summary>Art. 17 of the Dual-Use Items Export Control Regulations: a licence decision within 45 working days of acceptance.</summary>
    public const int LicenceDecisionWorkingDays = 45;

    /// <summary>Art. 18: a change to a non-key element of a licence is decided within 20 working days.</summary>
    public const int NonKeyChangeWorkingDays = 20;

    /// <summary>The decision date of a non-key change accepted on <paramref name="accepted"/>, net of clock stops.</summary>
    public static DateOnly NonKeyChangeDue(WorkingDayCalendar calendar, DateOnly accepted, IEnumerable<DateInterval>? stops = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(accepted, NonKeyChangeWorkingDays, stops);
    }
}
