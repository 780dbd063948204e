namespace Lodestone.Domain.Common;

/// <summary>
/// Dates in the licensing authority's time zone. Working-day deadlines are counted in Beijing time
/// (UTC+8, no daylight saving), whatever the server's zone.
/// </summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Midnight in Beijing at the start of a date, as a UTC instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
