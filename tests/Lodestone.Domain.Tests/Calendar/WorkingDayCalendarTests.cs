using Lodestone.Domain.Calendar;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Calendar;

/// <summary>Due dates hand-checked day by day against the State Council holiday notices.</summary>
public sealed class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2025-01-26", true)]  // Sunday worked for Spring Festival
    [InlineData("2025-01-28", false)] // Spring Festival
    [InlineData("2025-02-08", true)]  // Saturday worked
    [InlineData("2025-10-08", false)] // National Day and Mid-Autumn
    [InlineData("2025-10-11", true)]  // Saturday worked
    [InlineData("2026-02-14", true)]  // Saturday worked before the nine-day Spring Festival
    [InlineData("2026-02-23", false)]
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-03-09", true)]  // an ordinary Monday
    public void Knows_holidays_and_make_up_working_days(string date, bool working) =>
        Assert.Equal(working, ChinaCalendar.IsWorkingDay(D(date)));

    [Fact]
    public void Forty_five_working_days_across_Spring_Festival_2025_counts_the_make_up_Sunday_and_Saturday()
    {
        // 20 Jan (Mon) accepted. Jan 21-24 = 1-4, Sun 26 Jan = 5, 27 Jan = 6, 28 Jan-4 Feb holiday,
        // 5-7 Feb = 7-9, Sat 8 Feb = 10, then five weeks of 5 = 35 → 21 Mar = 40, 24-28 Mar = 41-45.
        Assert.Equal(D("2025-03-28"), ChinaCalendar.AddWorkingDays(D("2025-01-20"), 45));
    }

    [Fact]
    public void Forty_five_working_days_across_National_Day_2025()
    {
        // 15 Sep accepted. 16-26 Sep = 1-9, Sun 28 Sep = 10, 29-30 Sep = 11-12, 1-8 Oct holiday,
        // 9-10 Oct = 13-14, Sat 11 Oct = 15, 13 Oct-14 Nov = 16-40, 17-21 Nov = 41-45.
        Assert.Equal(D("2025-11-21"), ChinaCalendar.AddWorkingDays(D("2025-09-15"), 45));
    }

    [Fact]
    public void Twenty_working_days_for_a_non_key_change_across_Spring_Festival_2026()
    {
        // 2 Feb accepted. 3-13 Feb = 1-9, Sat 14 Feb = 10, 15-23 Feb holiday, 24-27 Feb = 11-14,
        // Sat 28 Feb = 15, 2-6 Mar = 16-20.
        Assert.Equal(D("2026-03-06"), ReviewDeadlines.NonKeyChangeDue(ChinaCalendar, D("2026-02-02")));
    }

    [Fact]
    public void A_clock_stop_pushes_the_due_date_back_by_the_working_days_it_covers()
    {
        var stops = new[] { new DateInterval(D("2025-10-13"), D("2025-10-17")) };
        Assert.Equal(D("2025-11-28"), ChinaCalendar.AddWorkingDays(D("2025-09-15"), 45, stops));
    }

    [Fact]
    public void A_stop_over_a_holiday_costs_nothing_extra()
    {
        var stops = new[] { new DateInterval(D("2025-10-01"), D("2025-10-08")) };
        Assert.Equal(D("2025-11-21"), ChinaCalendar.AddWorkingDays(D("2025-09-15"), 45, stops));
    }

    [Fact]
    public void Refuses_to_guess_outside_its_coverage()
    {
        var ex = Assert.Throws<CalendarCoverageException>(() => ChinaCalendar.AddWorkingDays(D("2027-12-20"), 45));
        Assert.Contains("2027-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_day_that_is_both_holiday_and_working_day()
    {
        Assert.Throws<Lodestone.Domain.Common.DomainException>(() => new WorkingDayCalendar("x", D("2025-01-01"), D("2025-12-31"), [D("2025-02-08")], [D("2025-02-08")]));
    }

    [Fact]
    public void Counts_working_days_between_two_dates()
    {
        Assert.Equal(45, ChinaCalendar.WorkingDaysBetween(D("2025-09-15"), D("2025-11-21")));
    }
}
