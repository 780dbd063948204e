using Lodestone.Domain.Common;

namespace Lodestone.Domain.Calendar;

/// <summary>
/// China's working-day calendar: Monday to Friday, less public holidays, plus the weekend days that
/// the State Council's annual notice makes working days (调休). Art. 17 of the Dual-Use Items
/// Regulations counts the 45-day limit in working days, so a wrong holiday moves every due date.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;

    /// <summary>Builds a calendar valid from <paramref name="coversFrom"/> to <paramref name="coversUntil"/>.</summary>
    public WorkingDayCalendar(string name, DateOnly coversFrom, DateOnly coversUntil, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        Name = name;
        CoversFrom = coversFrom;
        CoversUntil = coversUntil;
        _holidays = [.. holidays];
        _makeUpWorkingDays = [.. makeUpWorkingDays];
        var clash = _holidays.Intersect(_makeUpWorkingDays).Order().FirstOrDefault();
        if (clash != default)
        {
            throw new DomainException("calendar", $"{clash:yyyy-MM-dd} is listed both as a holiday and as a make-up working day.");
        }

        var outside = _holidays.Concat(_makeUpWorkingDays).FirstOrDefault(d => d < coversFrom || d > coversUntil);
        if (outside != default)
        {
            throw new DomainException("calendar", $"{outside:yyyy-MM-dd} lies outside the calendar's coverage {coversFrom:yyyy-MM-dd}..{coversUntil:yyyy-MM-dd}.");
        }
    }

    /// <summary>The calendar's name (e.g. "China 2025–2027").</summary>
    public string Name { get; }

    /// <summary>First day whose status the calendar knows.</summary>
    public DateOnly CoversFrom { get; }

    /// <summary>Last day whose status the calendar knows.</summary>
    public DateOnly CoversUntil { get; }

    /// <summary>True when the government and MOFCOM work on <paramref name="date"/>.</summary>
    /// <exception cref="CalendarCoverageException">The date is outside the calendar; a guess would give a wrong legal deadline.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (date < CoversFrom || date > CoversUntil)
        {
            throw new CalendarCoverageException(this, date);
        }

        if (_makeUpWorkingDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>, skipping any day
    /// inside <paramref name="stops"/>. The start day itself is day 0, as a time limit "within N working
    /// days of acceptance" starts counting the day after acceptance.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays, IEnumerable<DateInterval>? stops = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var stopList = stops?.ToList() ?? [];
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day) && !stopList.Any(s => s.Contains(day)))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>An inclusive range of dates.</summary>
public readonly record struct DateInterval(DateOnly From, DateOnly To)
{
    /// <summary>True when <paramref name="day"/> lies in the range.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>A date outside the loaded working-day calendar.</summary>
public sealed class CalendarCoverageException(WorkingDayCalendar calendar, DateOnly date)
    : DomainException(null, $"The working-day calendar '{calendar.Name}' covers {calendar.CoversFrom:yyyy-MM-dd} to {calendar.CoversUntil:yyyy-MM-dd}; {date:yyyy-MM-dd} is outside it. Add that year's holidays to data/calendar/.")
{
}
