using System.Globalization;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Analytics;

/// <summary>How finely analytics are bucketed in time.</summary>
public enum Grain
{
    /// <summary>Calendar months (customs statistics are published monthly).</summary>
    Month,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,
}

/// <summary>Calendar periods: where a day falls and how the period is named.</summary>
public static class Periods
{
    /// <summary>Both grains, in the order every roll-up writes them.</summary>
    public static readonly IReadOnlyList<Grain> All = [Grain.Month, Grain.Week];

    /// <summary>The first day of the period holding <paramref name="day"/>: the 1st of the month, or the Monday of its ISO week.</summary>
    public static DateOnly StartOf(DateOnly day, Grain grain) => grain switch
    {
        Grain.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
    };

    /// <summary>"2025-09" for a month, "2025-W37" for an ISO week.</summary>
    public static string Label(DateOnly start, Grain grain) => grain switch
    {
        Grain.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
    };

    /// <summary>Parses <c>month</c> or <c>week</c> (null: month).</summary>
    public static Grain ParseGrain(string? text) => string.IsNullOrWhiteSpace(text) ? Grain.Month : WireName.Parse<Grain>(text, "grain");
}
