using System.Text.Json;
using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// The trade.gov Consolidated Screening List, as its CSV download or as JSON (the API's
/// <c>{"results":[...]}</c>, or a bare array). The first character that is not white space tells them apart.
/// </summary>
internal static class CslListFormat
{
    /// <summary>The CSV columns trade.gov publishes; all must be present (in any order), others are ignored.</summary>
    internal static readonly string[] CsvColumns =
    [
        "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses", "federal_register_notice",
        "start_date", "end_date", "standard_order", "license_requirement", "license_policy", "call_sign", "vessel_type",
        "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
        "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
    ];

    public static ListFile Read(byte[] bytes, string file, ListReadLimits limits)
    {
        ListInput.ValidateUtf8(bytes, file);
        var utf8 = ListInput.WithoutBom(bytes);
        var first = utf8.Span.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && utf8.Span[first] is (byte)'{' or (byte)'['
            ? ReadJson(utf8, file, limits)
            : ReadCsv(utf8, file, limits);
    }

    private static ListFile ReadCsv(ReadOnlyMemory<byte> utf8, string file, ListReadLimits limits)
    {
        var table = new CsvTable(file, utf8, limits);
        var entries = new EntryCollector(file, limits);
        Dictionary<string, int>? columns = null;
        var width = 0;
        foreach (var record in table.Records())
        {
            if (columns is null)
            {
                columns = Header(file, record);
                width = record.Count;
                table.Names = record.Fields.Select(f => f.Trim()).ToList();
                continue;
            }

            record.RequireCount(width);
            var row = new CsvRow(record, columns);
            var entry = Entry(
                row.Id(),
                row.Text("name"),
                row.Text("type"),
                row.List("alt_names", ';').Select(StripAnd).ToList(),
                CountryFromAddresses(row.Text("addresses")) ?? FirstCode(row.List("nationalities", ';')) ?? FirstCode(row.List("citizenships", ';')),
                row.Text("start_date"),
                row.Text("end_date"),
                Measures(row.Text("source"), row.Text("programs"), row.Text("license_requirement"), row.Text("license_policy")),
                Coalesce(row.Text("source_list_url"), row.Text("source_information_url")),
                (field, problem) => row.Error(field, problem));
            entries.Add(entry, record.LineOf(columns["_id"]), "_id");
        }

        if (columns is null)
        {
            throw new DataFileException(file, 1, "(header)", "the file is empty; a CSL CSV starts with its header (_id,source,...).");
        }

        return new ListFile(file, ListFileFormat.Csl, entries.Entries);
    }

    private static Dictionary<string, int> Header(string file, CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (!columns.TryAdd(name, i))
            {
                throw new DataFileException(file, header.Line, name, "the column appears twice in the header.");
            }
        }

        foreach (var required in CsvColumns)
        {
            if (!columns.ContainsKey(required))
            {
                throw new DataFileException(file, header.Line, required, $"the column is missing from the header; a CSL CSV has the columns {string.Join(",", CsvColumns)}.");
            }
        }

        return columns;
    }

    /// <summary>A CSV record read by column name.</summary>
    private sealed class CsvRow(CsvRecord record, Dictionary<string, int> columns)
    {
        public string Text(string column) => record.Value(columns[column]);

        public string[] List(string column, char separator) =>
            Text(column).Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        public (string Value, string Field) Id()
        {
            var id = Text("_id");
            return id.Length > 0 ? (id, "_id") : (Text("entity_number"), "entity_number");
        }

        public DataFileException Error(string field, string problem) => record.Error(columns[field], problem);
    }

    private static ListFile ReadJson(ReadOnlyMemory<byte> utf8, string file, ListReadLimits limits)
    {
        var entries = new EntryCollector(file, limits);
        var span = utf8.Span;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var found = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isResults = reader.ValueTextEquals("results"u8);
                    reader.Read();
                    if (isResults)
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw new DataFileException(file, ListInput.LineAt(span, reader.TokenStartIndex), "results", "expected an array of entries.");
                        }

                        ReadResults(ref reader, span, file, limits, entries, "results");
                        found = true;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (!found)
                {
                    throw new DataFileException(file, 1, "results", "the JSON object has no \"results\" array.");
                }
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadResults(ref reader, span, file, limits, entries, "$");
            }
            else
            {
                throw new DataFileException(file, 1, "$", "expected a JSON object with \"results\" or an array of entries.");
            }

            if (reader.Read())
            {
                throw new DataFileException(file, ListInput.LineAt(span, reader.TokenStartIndex), "$", "unexpected content after the end of the JSON document.");
            }
        }
        catch (JsonException ex)
        {
            throw new DataFileException(file, (int)(ex.LineNumber ?? -1) + 1, ex.Path ?? "(json)", $"not valid JSON (truncated?): {ex.Message}", ex);
        }

        return new ListFile(file, ListFileFormat.Csl, entries.Entries);
    }

    private static void ReadResults(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, string file, ListReadLimits limits, EntryCollector entries, string path)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = ListInput.LineAt(span, reader.TokenStartIndex);
            var field = $"{path}[{index}]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DataFileException(file, line, field, "expected an object.");
            }

            using var doc = JsonDocument.ParseValue(ref reader);
            var json = new JsonFields(file, line, field, limits);
            var e = doc.RootElement;
            var idProperty = e.TryGetProperty("id", out _) ? "id" : "_id";
            var id = json.Scalar(e, idProperty, allowNumber: true) ?? string.Empty;
            var addresses = json.Objects(e, "addresses").Select(a => json.Scalar(a.Element, "country", $"addresses[{a.Index}]")).ToList();
            var entry = Entry(
                (id, idProperty),
                json.Scalar(e, "name") ?? string.Empty,
                json.Scalar(e, "type") ?? string.Empty,
                json.Strings(e, "alt_names").Select(StripAnd).ToList(),
                addresses.Select(Country).FirstOrDefault(c => c is not null) ?? FirstCode(json.Strings(e, "nationalities")) ?? FirstCode(json.Strings(e, "citizenships")),
                json.Scalar(e, "start_date") ?? string.Empty,
                json.Scalar(e, "end_date") ?? string.Empty,
                Measures(json.Scalar(e, "source") ?? string.Empty, string.Join("; ", json.Strings(e, "programs")), json.Scalar(e, "license_requirement") ?? string.Empty, json.Scalar(e, "license_policy") ?? string.Empty),
                Coalesce(json.Scalar(e, "source_list_url") ?? string.Empty, json.Scalar(e, "source_information_url") ?? string.Empty),
                (f, problem) => json.Error(f, problem));
            entries.Add(entry, line, $"{field}.{idProperty}");
            index++;
        }
    }

    private static ListEntry Entry(
        (string Value, string Field) id,
        string name,
        string type,
        List<string> aliases,
        string? country,
        string startDate,
        string endDate,
        string? measures,
        string? sourceUrl,
        Func<string, string, DataFileException> error)
    {
        if (id.Value.Length == 0)
        {
            throw error(id.Field, "is required (the entry's id).");
        }

        if (name.Length == 0)
        {
            throw error("name", "is required.");
        }

        return new ListEntry
        {
            Id = id.Value,
            Name = name,
            ChineseName = aliases.FirstOrDefault(ListValues.ContainsHan),
            Aliases = aliases.Distinct(StringComparer.Ordinal).ToList(),
            Country = country,
            Type = type.ToUpperInvariant() switch
            {
                "" => EntryType.Unknown,
                "ENTITY" => EntryType.Entity,
                "INDIVIDUAL" => EntryType.Person,
                "VESSEL" => EntryType.Vessel,
                "AIRCRAFT" => EntryType.Aircraft,
                _ => throw error("type", $"'{type}' is not a CSL type (Entity, Individual, Vessel, Aircraft or empty)."),
            },
            Listed = Date(startDate, "start_date", error),
            Removed = Date(endDate, "end_date", error),
            Measures = measures,
            SourceUrl = sourceUrl,
        };
    }

    private static DateOnly? Date(string text, string field, Func<string, string, DataFileException> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // The API has served both plain dates and midnight timestamps.
        var datePart = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
        return ListValues.TryParseIsoDate(datePart, out var date) ? date : throw error(field, $"'{text}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>CSL's CSV joins addresses with "; " and ends each with the country code: "street, city, CN".</summary>
    private static string? CountryFromAddresses(string addresses) =>
        addresses.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => Country(a.Split(',', StringSplitOptions.TrimEntries)[^1]))
            .FirstOrDefault(c => c is not null);

    private static string? Country(string? text) => CountryNames.CodeOf(text);

    private static string? FirstCode(IEnumerable<string> values) => values.Select(Country).FirstOrDefault(c => c is not null);

    /// <summary>The Entity List joins its last alias with "and": "A; B; and C".</summary>
    private static string StripAnd(string alias) =>
        alias.StartsWith("and ", StringComparison.Ordinal) ? alias[4..].Trim() : alias;

    private static string? Measures(string source, string programs, string requirement, string policy)
    {
        var parts = new List<string>();
        if (source.Length > 0)
        {
            parts.Add(source);
        }

        if (programs.Length > 0)
        {
            parts.Add($"programs: {programs}");
        }

        if (requirement.Length > 0)
        {
            parts.Add($"licence requirement: {requirement}");
        }

        if (policy.Length > 0)
        {
            parts.Add($"licence policy: {policy}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? Coalesce(params string[] values) => values.FirstOrDefault(v => v.Length > 0);
}
