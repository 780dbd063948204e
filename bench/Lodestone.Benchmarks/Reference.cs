using Lodestone.DataFiles;
using Lodestone.Domain.Calendar;
using Lodestone.Domain.Controls;
using Lodestone.Domain.Routing;

namespace Lodestone.Benchmarks;

/// <summary>The shipped reference files, loaded once.</summary>
internal static class Reference
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");

    public static readonly ControlList ControlList = ControlListFile.Load(Path.Combine(Data, "control-list.yaml"));

    public static readonly WorkingDayCalendar Calendar = CalendarFile.Load(Path.Combine(Data, "calendar", "china.yaml"));

    public static readonly RoutingPolicy Policy = PolicyFile.Load(Path.Combine(Data, "policies", "default.yaml"));
}
