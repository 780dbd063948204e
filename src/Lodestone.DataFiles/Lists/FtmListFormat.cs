using System.Text.Json;
using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// OpenSanctions FollowTheMoney entities, one JSON object a line. Parties (people, companies, organisations,
/// vessels, aircraft) become entries; every other schema (sanctions, addresses, ownership links, identifiers)
/// is passed over and counted.
/// </summary>
internal static class FtmListFormat
{
    private static readonly Dictionary<string, EntryType> Parties = new(StringComparer.Ordinal)
    {
        ["Person"] = EntryType.Person,
        ["Company"] = EntryType.Entity,
        ["Organization"] = EntryType.Entity,
        ["LegalEntity"] = EntryType.Entity,
        ["PublicBody"] = EntryType.Entity,
        ["Vessel"] = EntryType.Vessel,
        ["Airplane"] = EntryType.Aircraft,
    };

    // Where FtM puts a party's country, most telling first.
    private static readonly string[] CountryKeys = ["country", "mainCountry", "jurisdiction", "nationality", "citizenship", "flag"];

    public static ListFile Read(byte[] bytes, string file, ListReadLimits limits)
    {
        var text = ListInput.DecodeUtf8(bytes, file);
        var entries = new EntryCollector(file, limits);
        var skipped = 0;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException ex)
            {
                throw new DataFileException(file, lineNumber, ex.Path is null or "$" ? "(json)" : ex.Path, $"not a valid JSON object (truncated line?): {ex.Message}", ex);
            }

            using (doc)
            {
                var entry = Entry(doc.RootElement, new JsonFields(file, lineNumber, string.Empty, limits));
                if (entry is null)
                {
                    skipped++;
                    continue;
                }

                entries.Add(entry, lineNumber, "id");
            }
        }

        return new ListFile(file, ListFileFormat.Ftm, entries.Entries) { SkippedRecords = skipped };
    }

    private static ListEntry? Entry(JsonElement e, JsonFields json)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw json.Error("$", "expected a JSON object (one entity a line).");
        }

        var schema = json.Scalar(e, "schema") ?? throw json.Error("schema", "is required.");
        if (!Parties.TryGetValue(schema, out var type))
        {
            return null;
        }

        var id = json.Scalar(e, "id") ?? throw json.Error("id", "is required.");
        var p = e.TryGetProperty("properties", out var props) ? props : default;
        if (p.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw json.Error("properties", "expected an object.");
        }

        var names = json.Strings(p, "name", "properties");
        var primary = names.FirstOrDefault(n => !ListValues.ContainsHan(n)) ?? names.FirstOrDefault()
            ?? throw json.Error("properties.name", "is required (a party needs a name).");
        var others = names
            .Concat(json.Strings(p, "alias", "properties"))
            .Concat(json.Strings(p, "previousName", "properties"))
            .Concat(json.Strings(p, "weakAlias", "properties"))
            .ToList();
        var chinese = others.FirstOrDefault(ListValues.ContainsHan);
        var countries = CountryKeys.SelectMany(key => json.Strings(p, key, "properties"));

        return new ListEntry
        {
            Id = id,
            Name = primary,
            ChineseName = chinese,
            Aliases = others.Where(n => n != primary && n != chinese).Distinct(StringComparer.Ordinal).ToList(),
            Country = countries.Select(c => ListValues.IsoCountry(c.ToUpperInvariant())).FirstOrDefault(c => c is not null),
            Type = type,
            Listed = EarliestDate(json, p, "createdAt", "startDate"),
            Removed = EarliestDate(json, p, "endDate"),
            Measures = json.Strings(p, "topics", "properties") is { Count: > 0 } topics ? $"topics: {string.Join("; ", topics)}" : null,
            SourceUrl = json.Strings(p, "sourceUrl", "properties").FirstOrDefault(),
        };
    }

    /// <summary>
    /// FtM dates may be partial (<c>2021</c>, <c>2021-03</c>) or timestamps. A full date is taken; a partial one is
    /// not a day, so it is left out rather than rounded; anything else is refused.
    /// </summary>
    private static DateOnly? EarliestDate(JsonFields json, JsonElement p, params string[] keys)
    {
        DateOnly? earliest = null;
        foreach (var key in keys)
        {
            foreach (var text in json.Strings(p, key, "properties"))
            {
                if (text.Length is 4 or 7 && DateOnly.TryParseExact(text.Length == 4 ? $"{text}-01-01" : $"{text}-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                {
                    continue;
                }

                var datePart = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
                if (!ListValues.TryParseIsoDate(datePart, out var date))
                {
                    throw json.Error($"properties.{key}", $"'{text}' is not a date (yyyy-MM-dd).");
                }

                earliest = earliest is { } d && d < date ? d : date;
            }
        }

        return earliest;
    }
}
