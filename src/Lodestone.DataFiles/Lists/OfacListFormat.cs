using System.Text;
using System.Text.RegularExpressions;
using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// OFAC's legacy SDN CSV: no header, <c>-0-</c> for an empty field, Windows-1252 text that may end with a
/// DOS end-of-file (0x1A) line. Aliases come from <c>a.k.a.</c> in Remarks and from <c>alt.csv</c>; the
/// country from <c>add.csv</c>, else the nationality or registration in Remarks, else a vessel's flag.
/// </summary>
internal static partial class OfacListFormat
{
    private static readonly string[] SdnColumns = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"];
    private static readonly string[] AltColumns = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"];
    private static readonly string[] AddColumns = ["ent_num", "add_num", "address", "city_state", "country", "add_remarks"];
    private const int EntNum = 0, SdnName = 1, SdnType = 2, Program = 3, VessFlag = 9, Remarks = 11;

    public static ListFile Read(byte[] sdn, string sdnFile, byte[]? alt, string? altFile, byte[]? add, string? addFile, ListReadLimits limits)
    {
        var rows = new List<(CsvRecord Record, string Id)>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Records(sdn, sdnFile, SdnColumns, limits))
        {
            var id = EntityNumber(r, EntNum);
            if (!lines.TryAdd(id, r.Line))
            {
                throw r.Error(EntNum, $"the entity number {id} is used twice (first on line {lines[id]}).");
            }

            rows.Add((r, id));
        }

        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (alt is not null)
        {
            foreach (var r in Records(alt, altFile ?? "alt.csv", AltColumns, limits))
            {
                var name = Value(r, 3);
                if (name.Length == 0)
                {
                    throw r.Error(3, "is required (the alternate name).");
                }

                var owner = EntityNumber(r, EntNum);
                if (!lines.ContainsKey(owner))
                {
                    throw r.Error(EntNum, $"no SDN entry has the entity number {owner}.");
                }

                if (!aliases.TryGetValue(owner, out var list))
                {
                    aliases[owner] = list = [];
                }

                list.Add(name);
            }
        }

        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (add is not null)
        {
            foreach (var r in Records(add, addFile ?? "add.csv", AddColumns, limits))
            {
                var id = EntityNumber(r, EntNum);
                if (!lines.ContainsKey(id))
                {
                    throw r.Error(EntNum, $"no SDN entry has the entity number {id}.");
                }

                // The first address with a country we can name gives the entry's country.
                if (!countries.ContainsKey(id) && CountryNames.CodeOf(Value(r, 4)) is { } code)
                {
                    countries[id] = code;
                }
            }
        }

        var entries = new EntryCollector(sdnFile, limits);
        foreach (var (r, id) in rows)
        {
            var name = Value(r, SdnName);
            if (name.Length == 0)
            {
                throw r.Error(SdnName, "is required.");
            }

            var remarks = Value(r, Remarks);
            var names = RemarkAliases(remarks).Concat(aliases.GetValueOrDefault(id) ?? []).Where(a => a != name).Distinct(StringComparer.Ordinal).ToList();
            var programs = Value(r, Program).Replace("] [", "; ", StringComparison.Ordinal).Trim('[', ']', ' ');
            entries.Add(
                new ListEntry
                {
                    Id = id,
                    Name = name,
                    ChineseName = names.FirstOrDefault(ListValues.ContainsHan),
                    Aliases = names,
                    Country = countries.GetValueOrDefault(id) ?? RemarkCountry(remarks) ?? CountryNames.CodeOf(Value(r, VessFlag)),
                    Type = Value(r, SdnType).ToUpperInvariant() switch
                    {
                        "" => EntryType.Entity,
                        "INDIVIDUAL" => EntryType.Person,
                        "VESSEL" => EntryType.Vessel,
                        "AIRCRAFT" => EntryType.Aircraft,
                        var other => throw r.Error(SdnType, $"'{other}' is not an SDN type (individual, vessel, aircraft or -0-)."),
                    },
                    Measures = programs.Length > 0 ? $"OFAC SDN; programs: {programs}" : "OFAC SDN",
                },
                r.Line,
                "ent_num");
        }

        return new ListFile(sdnFile, ListFileFormat.Ofac, entries.Entries);
    }

    private static IEnumerable<CsvRecord> Records(byte[] bytes, string file, string[] columns, ListReadLimits limits)
    {
        var table = new CsvTable(file, Decode(bytes), limits) { Names = columns };
        foreach (var record in table.Records())
        {
            record.RequireCount(columns.Length);
            yield return record;
        }
    }

    /// <summary>
    /// OFAC publishes Windows-1252; a file that is valid UTF-8 (re-saved, or plain ASCII) is taken as UTF-8, since
    /// 1252 text with accents is almost never valid UTF-8. The trailing DOS end-of-file mark is dropped.
    /// </summary>
    private static byte[] Decode(byte[] bytes)
    {
        string text;
        if (ListInput.IsValidUtf8(bytes))
        {
            text = Encoding.UTF8.GetString(ListInput.WithoutBom(bytes).Span);
        }
        else
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding(1252).GetString(bytes);
        }

        var end = text.AsSpan().TrimEnd();
        if (end.EndsWith("\x1A", StringComparison.Ordinal))
        {
            text = end[..^1].ToString();
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string Value(CsvRecord r, int index)
    {
        var value = r.Value(index);
        return value == "-0-" ? string.Empty : value;
    }

    private static string EntityNumber(CsvRecord r, int index)
    {
        var value = Value(r, index);
        return value.Length is > 0 and <= 12 && value.All(char.IsAsciiDigit)
            ? value
            : throw r.Error(index, $"'{value}' is not an entity number.");
    }

    internal static IEnumerable<string> RemarkAliases(string remarks) =>
        AkaPattern().Matches(remarks).Select(m => ListValues.CollapseWhitespace(m.Groups["name"].Value)).Where(n => n.Length > 0);

    private static string? RemarkCountry(string remarks) =>
        CountryPattern().Matches(remarks).Select(m => CountryNames.CodeOf(m.Groups["country"].Value)).FirstOrDefault(c => c is not null);

    // A name ends at the quote that is followed by a separator, so "a.k.a. 'AL-JAMA'AH'; ..." keeps its inner quote.
    [GeneratedRegex(@"\b[afn]\.k\.a\.,?\s*'(?<name>.+?)'(?=\s*(?:[;.,)]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex AkaPattern();

    [GeneratedRegex(@"(?:[Nn]ationality(?: of Registration)?|[Cc]itizen) (?<country>[^;.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
