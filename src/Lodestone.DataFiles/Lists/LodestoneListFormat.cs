using System.Text.RegularExpressions;
using CsvHelper;
using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// Lodestone's own list CSV (specified in docs/lists.md): UTF-8, a fixed header, one entry a record.
/// Every rule here is a rule of the format; the writer emits only what the reader accepts.
/// </summary>
public static partial class LodestoneListFormat
{
    /// <summary>The columns, in their required order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "name", "name_zh", "aliases", "country", "type", "listed", "removed", "measures", "source_url"];

    private const int Id = 0, Name = 1, NameZh = 2, Aliases = 3, Country = 4, Type = 5, Listed = 6, Removed = 7, Measures = 8, SourceUrl = 9;

    /// <summary>Separates aliases inside the <c>aliases</c> column.</summary>
    public const char AliasSeparator = '|';

    private static readonly string[] TypeNames = ["", "entity", "person", "vessel", "aircraft"];

    internal static ListFile Read(byte[] bytes, string file, ListReadLimits limits)
    {
        ListInput.ValidateUtf8(bytes, file);
        var table = new CsvTable(file, ListInput.WithoutBom(bytes), limits);
        var entries = new EntryCollector(file, limits);
        var headerSeen = false;
        foreach (var record in table.Records())
        {
            if (!headerSeen)
            {
                CheckHeader(file, record);
                table.Names = Columns;
                headerSeen = true;
                continue;
            }

            record.RequireCount(Columns.Count);
            entries.Add(Entry(record), record.LineOf(Id), "id");
        }

        if (!headerSeen)
        {
            throw new DataFileException(file, 1, "(header)", $"the file is empty; the first line must be the header {string.Join(",", Columns)}.");
        }

        return new ListFile(file, ListFileFormat.Lodestone, entries.Entries);
    }

    private static void CheckHeader(string file, CsvRecord header)
    {
        for (var i = 0; i < Math.Max(header.Count, Columns.Count); i++)
        {
            var found = i < header.Count ? header.Fields[i].Trim() : null;
            var expected = i < Columns.Count ? Columns[i] : null;
            if (string.Equals(found, expected, StringComparison.Ordinal))
            {
                continue;
            }

            var problem = (expected, found) switch
            {
                (null, _) => $"unexpected column '{found}'; the header must be exactly {string.Join(",", Columns)}.",
                (_, null) => $"the column '{expected}' is missing; the header must be exactly {string.Join(",", Columns)}.",
                _ => $"expected the column '{expected}' here, found '{found}'; the header must be exactly {string.Join(",", Columns)}.",
            };
            throw new DataFileException(file, header.LineOf(Math.Min(i, header.Count)), expected ?? found, problem);
        }
    }

    private static ListEntry Entry(CsvRecord r)
    {
        var id = r.Value(Id);
        if (id.Length == 0)
        {
            throw r.Error(Id, "is required.");
        }

        if (!IdPattern().IsMatch(id))
        {
            throw r.Error(Id, $"'{id}' is not a valid id: use letters, digits and . _ : - (starting with a letter or digit).");
        }

        var name = r.Value(Name);
        if (name.Length == 0)
        {
            throw r.Error(Name, "is required (the primary name as listed).");
        }

        var aliases = new List<string>();
        var aliasText = r.Value(Aliases);
        if (aliasText.Length > 0)
        {
            foreach (var alias in aliasText.Split(AliasSeparator))
            {
                var trimmed = alias.Trim();
                aliases.Add(trimmed.Length > 0 ? trimmed : throw r.Error(Aliases, $"an empty alias between '{AliasSeparator}' separators."));
            }
        }

        var country = r.Value(Country);
        if (country.Length > 0 && (!UpperTwoLetters().IsMatch(country) || ListValues.IsoCountry(country) is null))
        {
            throw r.Error(Country, $"'{country}' is not an ISO 3166-1 alpha-2 country code in upper case (e.g. CN, US).");
        }

        var typeText = r.Value(Type);
        var typeIndex = Array.IndexOf(TypeNames, typeText);
        if (typeIndex < 0)
        {
            throw r.Error(Type, $"'{typeText}' is not a type; use entity, person, vessel, aircraft or leave it empty.");
        }

        var listed = Date(r, Listed);
        var removed = Date(r, Removed);
        if (listed is { } l && removed is { } rm && rm < l)
        {
            throw r.Error(Removed, $"{rm:yyyy-MM-dd} is before the listing date {l:yyyy-MM-dd}.");
        }

        var url = r.Value(SourceUrl);
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw r.Error(SourceUrl, $"'{url}' is not an absolute http(s) URL.");
        }

        return new ListEntry
        {
            Id = id,
            Name = name,
            ChineseName = NullIfEmpty(r.Value(NameZh)),
            Aliases = aliases,
            Country = NullIfEmpty(country),
            Type = (EntryType)typeIndex,
            Listed = listed,
            Removed = removed,
            Measures = NullIfEmpty(r.Value(Measures)),
            SourceUrl = NullIfEmpty(url),
        };
    }

    private static DateOnly? Date(CsvRecord r, int index)
    {
        var text = r.Value(index);
        if (text.Length == 0)
        {
            return null;
        }

        return ListValues.TryParseIsoDate(text, out var date) ? date : throw r.Error(index, $"'{text}' is not a date (yyyy-MM-dd).");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// Writes entries as a Lodestone list: sorted by id (ordinal), UTF-8 without a byte order mark, <c>\n</c> line
    /// endings, quoted only where needed. The same entries always give the same bytes.
    /// </summary>
    public static void Write(Stream stream, IEnumerable<ListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var options = new CsvWriterOptions { NewLine = "\n", Separator = ',', Quoting = CsvQuoting.WhenNeeded, WriteByteOrderMark = false };
        using var writer = CsvWriter.Create(stream, options, true);
        writer.WriteHeader(Columns.ToArray());
        foreach (var e in entries.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (e.Aliases.FirstOrDefault(a => a.Contains(AliasSeparator, StringComparison.Ordinal) || a.Trim().Length == 0) is { } bad)
            {
                throw new ArgumentException($"Entry '{e.Id}': the alias '{bad}' is empty or contains '{AliasSeparator}', which the format cannot hold.", nameof(entries));
            }

            writer.WriteRecord(
            [
                e.Id,
                e.Name,
                e.ChineseName ?? string.Empty,
                string.Join(AliasSeparator, e.Aliases),
                e.Country ?? string.Empty,
                TypeNames[(int)e.Type],
                e.Listed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                e.Removed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                e.Measures ?? string.Empty,
                e.SourceUrl ?? string.Empty,
            ]);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex UpperTwoLetters();
}
