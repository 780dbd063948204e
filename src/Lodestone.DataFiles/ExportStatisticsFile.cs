using System.Globalization;
using Lodestone.DataFiles.Lists;

namespace Lodestone.DataFiles;

/// <summary>One published or estimated monthly export figure; destination <c>*</c> is the month's total.</summary>
public sealed record ExportStatistic(DateOnly Month, string Destination, decimal Tonnes, string Basis);

/// <summary>
/// Monthly customs export figures (<c>data/demo/magnet-exports.csv</c>: month, destination, tonnes, basis),
/// the calibration of the demo's export history (domain.md §3.1). Checked with line and column.
/// </summary>
public static class ExportStatisticsFile
{
    private static readonly string[] Columns = ["month", "destination", "tonnes", "basis"];

    public static IReadOnlyList<ExportStatistic> Load(string path)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        ListInput.ValidateUtf8(bytes, name);
        var table = new CsvTable(name, ListInput.WithoutBom(bytes), ListReadLimits.Default);
        var result = new List<ExportStatistic>();
        var header = true;
        foreach (var r in table.Records())
        {
            if (header)
            {
                if (!r.Fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    throw new DataFileException(name, r.Line, "(header)", $"the header must be {string.Join(",", Columns)}.");
                }

                table.Names = Columns;
                header = false;
                continue;
            }

            r.RequireCount(Columns.Length);
            var month = DateOnly.TryParseExact(r.Value(0) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
                ? m : throw r.Error(0, $"'{r.Value(0)}' is not a month of the form 2025-09.");
            var destination = r.Value(1);
            if (destination != "*" && (destination.Length != 2 || !destination.All(char.IsAsciiLetterUpper)))
            {
                throw r.Error(1, $"'{destination}' is neither * (the total) nor a country code such as US.");
            }

            var tonnes = decimal.TryParse(r.Value(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) && t >= 0
                ? t : throw r.Error(2, $"'{r.Value(2)}' is not a number of tonnes.");
            if (result.Any(x => x.Month == month && x.Destination == destination))
            {
                throw r.Error(1, $"{destination} for {month:yyyy-MM} is given twice.");
            }

            result.Add(new ExportStatistic(month, destination, tonnes, r.Value(3)));
        }

        foreach (var month in result.Select(x => x.Month).Distinct())
        {
            var total = result.FirstOrDefault(x => x.Month == month && x.Destination == "*")
                ?? throw new DataFileException(name, 0, "destination", $"{month:yyyy-MM} has figures by destination but no total (*).");
            if (result.Where(x => x.Month == month && x.Destination != "*").Sum(x => x.Tonnes) > total.Tonnes)
            {
                throw new DataFileException(name, 0, "tonnes", $"the destinations of {month:yyyy-MM} add up to more than its total.");
            }
        }

        return result;
    }
}
