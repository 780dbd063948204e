using System.Globalization;
using Lodestone.DataFiles.Lists;

namespace Lodestone.DataFiles;

/// <summary>One line of a customs-declaration CSV: one item of one declaration.</summary>
public sealed record ShipmentCsvRow(
    int Line,
    string Declaration,
    DateOnly? Date,
    string Exporter,
    string? Consignee,
    string EndUser,
    string Destination,
    string? Facility,
    string? Licence,
    string? Veu,
    string HsCode,
    string? Form,
    string? Composition,
    string? Description,
    decimal QuantityKg,
    decimal Value,
    string? Currency);

/// <summary>
/// The customs-declaration CSV of <c>lodestone shipments import</c> (specified in docs/operations.md): UTF-8,
/// a fixed header, one item a line; lines with the same declaration number make one multi-item declaration.
/// The file is read whole and checked before anything is saved; a fault names its line and column.
/// </summary>
public static class ShipmentCsvFile
{
    /// <summary>The columns, in their required order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "declaration", "date", "exporter", "consignee", "end_user", "destination", "facility", "licence", "veu",
        "hs_code", "form", "composition", "description", "quantity_kg", "value", "currency",
    ];

    /// <summary>The most lines one import takes.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Reads and checks the whole file.</summary>
    public static IReadOnlyList<ShipmentCsvRow> Read(Stream content, string file)
    {
        var limits = ListReadLimits.Default with { MaxEntries = MaxRows };
        var bytes = ListInput.ReadAll(content, file, limits);
        ListInput.ValidateUtf8(bytes, file);
        var table = new CsvTable(file, ListInput.WithoutBom(bytes), limits);
        var rows = new List<ShipmentCsvRow>();
        var headerSeen = false;
        foreach (var record in table.Records())
        {
            if (!headerSeen)
            {
                var header = record.Fields.Select(f => f.Trim()).ToList();
                if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    var at = Enumerable.Range(0, Math.Max(header.Count, Columns.Count)).First(i => i >= header.Count || i >= Columns.Count || header[i] != Columns[i]);
                    throw new DataFileException(file, record.Line, at < Columns.Count ? Columns[at] : header[at], $"the header must be exactly {string.Join(",", Columns)}.");
                }

                table.Names = Columns;
                headerSeen = true;
                continue;
            }

            record.RequireCount(Columns.Count);
            if (rows.Count == MaxRows)
            {
                throw new DataFileException(file, record.Line, null, $"the file has more than {MaxRows:N0} lines; split it.");
            }

            rows.Add(Row(record));
        }

        return headerSeen
            ? rows
            : throw new DataFileException(file, 1, "(header)", $"the file is empty; the first line must be the header {string.Join(",", Columns)}.");
    }

    private static ShipmentCsvRow Row(CsvRecord r)
    {
        string Required(int i) => r.Value(i) is { Length: > 0 } v ? v : throw r.Error(i, "is required.");
        string? Optional(int i) => r.Value(i) is { Length: > 0 } v ? v : null;
        decimal Number(int i, bool required)
        {
            var text = r.Value(i);
            if (text.Length == 0 && !required)
            {
                return 0m;
            }

            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw r.Error(i, $"'{text}' is not a number (use a dot for decimals, no thousands separators).");
        }

        DateOnly? date = null;
        if (Optional(1) is { } d)
        {
            date = DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw r.Error(1, $"'{d}' is not a date of the form 2025-09-30.");
        }

        return new ShipmentCsvRow(
            r.Line, Required(0), date, Required(2), Optional(3), Required(4), Required(5), Optional(6), Optional(7), Optional(8),
            Required(9), Optional(10), Optional(11), Optional(12), Number(13, required: true), Number(14, required: false), Optional(15));
    }
}
