using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;

namespace Lodestone.DataFiles;

/// <summary>Loads <c>data/calendar/china.yaml</c>.</summary>
public static class CalendarFile
{
    /// <summary>Parses a working-day calendar.</summary>
    public static WorkingDayCalendar Parse(string file, string text)
    {
        var doc = YamlDocument.Parse(file, text);
        var root = doc.Mapping(doc.Root, "(root)", "name", "coversFrom", "coversUntil", "holidays", "makeUpWorkingDays");
        var holidays = new List<DateOnly>();
        foreach (var (node, i) in doc.Sequence(root, "holidays", "holidays", required: true).Select((n, i) => (n, i)))
        {
            var map = doc.Mapping(node, $"holidays[{i}]", "name", "from", "to");
            doc.RequiredString(map, "name", $"holidays[{i}].name");
            var from = doc.RequiredDate(map, "from", $"holidays[{i}].from");
            var to = doc.RequiredDate(map, "to", $"holidays[{i}].to");
            if (to < from)
            {
                throw doc.Error(node, $"holidays[{i}]", "'to' is before 'from'.");
            }

            for (var d = from; d <= to; d = d.AddDays(1))
            {
                holidays.Add(d);
            }
        }

        var makeUps = doc.Sequence(root, "makeUpWorkingDays", "makeUpWorkingDays", required: false).Select((node, i) =>
        {
            var map = doc.Mapping(node, $"makeUpWorkingDays[{i}]", "date", "for");
            var date = doc.RequiredDate(map, "date", $"makeUpWorkingDays[{i}].date");
            return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                ? date
                : throw doc.Error(node, $"makeUpWorkingDays[{i}].date", $"{date:yyyy-MM-dd} is a {date.DayOfWeek}; only a weekend day can be a make-up working day.");
        }).ToList();

        try
        {
            return new WorkingDayCalendar(
                doc.RequiredString(root, "name", "name"),
                doc.RequiredDate(root, "coversFrom", "coversFrom"),
                doc.RequiredDate(root, "coversUntil", "coversUntil"),
                holidays,
                makeUps);
        }
        catch (DomainException ex)
        {
            throw new DataFileException(file, 0, ex.Field, ex.Message, ex);
        }
    }

    /// <summary>Loads a calendar from a file.</summary>
    public static WorkingDayCalendar Load(string path) => Parse(path, File.ReadAllText(path));
}
