using Lodestone.Domain.Applications;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Applications;

/// <summary>Working days from acceptance to decision, as art. 17 counts them: clock stops do not count.</summary>
public sealed class ProcessingTimeTests
{
    private static readonly DateTimeOffset Sep29 = new(2025, 9, 29, 2, 0, 0, TimeSpan.Zero); // Monday, 10:00 Beijing

    [Fact]
    public void A_decision_on_the_day_of_acceptance_took_no_working_days_and_an_open_case_has_none()
    {
        var open = ApplicationBuilder.Routed();
        Assert.Null(open.WorkingDaysToDecision(ChinaCalendar));
        open.Approve("officer", "fine", ApplicationBuilder.Filed.AddHours(3), overridePresumption: false, Guid.NewGuid());
        Assert.Equal(0, open.WorkingDaysToDecision(ChinaCalendar));
    }

    [Fact]
    public void Working_days_follow_the_official_calendar_and_leave_out_clock_stops()
    {
        // Accepted Mon 15 Sep 2025, decided Mon 29 Sep: 16–19, 22–26, Sun 28 (make-up working day) and 29 = 11.
        var plain = ApplicationBuilder.Routed();
        plain.Deny("officer", "not shown", Sep29);
        Assert.Equal(11, plain.WorkingDaysToDecision(ChinaCalendar));

        // The clock stood still Tue 16 to Fri 19 Sep: 4 working days fewer.
        var stopped = ApplicationBuilder.Routed();
        stopped.StopClock(Guid.NewGuid(), ClockStopReason.ExpertConsultation, null, D("2025-09-16"), D("2025-09-19"), ChinaCalendar);
        stopped.Approve("officer", "fine", Sep29, overridePresumption: false, Guid.NewGuid());
        Assert.Equal(7, stopped.WorkingDaysToDecision(ChinaCalendar));
    }
}
