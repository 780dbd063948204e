using CsvHelper;

namespace Lodestone.DataFiles;

/// <summary>
/// Writes a table as CSV for download: UTF-8 without a byte order mark, <c>\n</c> line endings, quoted where
/// needed. Cells that a spreadsheet would run as a formula (starting with <c>= + - @</c>, tab or carriage
/// return) are prefixed with an apostrophe (OWASP CSV injection guidance), since exported names come from users.
/// </summary>
public static class CsvExport
{
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var options = new CsvWriterOptions { NewLine = "\n", Separator = ',', Quoting = CsvQuoting.WhenNeeded, WriteByteOrderMark = false };
        using var writer = CsvWriter.Create(stream, options, true);
        writer.WriteHeader(header.ToArray());
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells; the header has {header.Count}.", nameof(rows));
            }

            writer.WriteRecord(row.Select(Defuse).ToArray());
        }
    }

    private static string Defuse(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? string.Empty;
}
