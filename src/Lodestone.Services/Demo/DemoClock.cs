namespace Lodestone.Services.Demo;

/// <summary>A clock the demo seeder moves through history, so that seeded filings and decisions carry their own dates.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>10:00 in Beijing on <paramref name="day"/>: the time of day the demo's events carry.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}
