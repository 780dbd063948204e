using Lodestone.DataFiles;
using Lodestone.Domain.Calendar;
using Lodestone.Domain.Controls;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Tests;

/// <summary>The shipped reference files, loaded once: the tests check the data as well as the code.</summary>
internal static class ReferenceFiles
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");

    public static readonly ControlList ControlList = ControlListFile.Load(Path.Combine(Data, "control-list.yaml"));

    public static readonly WorkingDayCalendar ChinaCalendar = CalendarFile.Load(Path.Combine(Data, "calendar", "china.yaml"));

    public static readonly RoutingPolicy Policy = PolicyFile.Load(Path.Combine(Data, "policies", "default.yaml"));

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
