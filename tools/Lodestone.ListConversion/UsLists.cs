using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lodestone.DataFiles.Lists;
using Lodestone.Domain.Routing;
using Lodestone.Screening.Lists;

namespace Lodestone.ListConversion;

/// <summary>
/// The US public-domain lists, as parsed from the official publications by phagehunter/nsfreg
/// (<c>us_restricted_lists_nsfreg/*.json</c>). An entry is keyed by its name and country: the Entity List
/// repeats a party under each country it has addresses in, and each of those is its own entry.
/// </summary>
public static partial class UsLists
{
    private const string Repository = "phagehunter/nsfreg, data/*.json at commit f77a4b987820c683fdba8b3d2137dd0e8cf1e88f (2026-07-09)";
    private const string Licence = "US-PD: a work of the US Government (17 U.S.C. 105), parsed by phagehunter/nsfreg (no licence of its own; no original expression is kept).";

    private sealed record Spec(string File, string ListId, string SourceId, ListKind Kind, string Name, string Description, EntryType Type);

    private static readonly Spec[] Specs =
    [
        new("bis_entity_list.json", "us-bis-entity", "bis-entity-list", ListKind.External, "US BIS Entity List (15 CFR 744 Supp. 4)",
            "Foreign parties for which the US requires an export licence for items subject to the EAR. A US measure: informational for a Chinese licensing authority.", EntryType.Unknown),
        new("bis_meu.json", "us-bis-meu", "bis-meu", ListKind.MilitaryEndUser, "US BIS Military End-User List (15 CFR 744 Supp. 7)",
            "Parties the US has determined to be military end users. Listed as evidence of military ties, not as a US measure China enforces.", EntryType.Entity),
        new("dow_1260h.json", "us-dod-1260h", "dow-1260h", ListKind.MilitaryEndUser, "US DoD Section 1260H List (Chinese military companies)",
            "Companies the US Department of Defense (War) names as Chinese military companies under Sec. 1260H of the FY2021 NDAA. Listed as evidence of military ties.", EntryType.Entity),
        new("bis_dpl.json", "us-bis-dpl", "bis-dpl", ListKind.External, "US BIS Denied Persons List",
            "Persons denied US export privileges by BIS denial orders; the removal date is the order's expiry where stated. Informational for a Chinese licensing authority.", EntryType.Unknown),
    ];

    private sealed record SourceFile(string list_id, string source_file, string extracted, int count, List<SourceEntity> entities);

    private sealed record SourceEntity(string name, List<string>? aliases, string? country, string? address, string? status, string? effective_date, string? federal_register, string? notes);

    private sealed record Descriptors(List<Descriptor> lists);

    private sealed record Descriptor(string id, string official_name, string agency, string official_url, string snapshot, string authority);

    public static IEnumerable<ConvertedList> Convert(string folder, Action<string> log)
    {
        var descriptors = Read<Descriptors>(Path.Combine(folder, "lists.json")).lists.ToDictionary(d => d.id, StringComparer.Ordinal);
        foreach (var spec in Specs)
        {
            var source = Read<SourceFile>(Path.Combine(folder, spec.File));
            var descriptor = descriptors[spec.SourceId];
            if (source.entities.Count != source.count)
            {
                throw new InvalidDataException($"{spec.File}: count says {source.count}, {source.entities.Count} entities found.");
            }

            var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
            foreach (var e in source.entities)
            {
                var name = ListValues.CollapseWhitespace(e.name);
                var country = e.country is null ? null
                    : CountryNames.CodeOf(e.country) ?? throw new InvalidDataException($"{spec.File}: no ISO code for the country '{e.country}'; add it to CountryNames.");
                var key = $"{EntryIds.Normalise(name)}|{country}";
                if (!drafts.TryGetValue(key, out var draft))
                {
                    drafts[key] = draft = new Draft { Key = key, Name = name, Country = country, Type = spec.Type, SourceUrl = descriptor.official_url };
                }

                foreach (var alias in e.aliases ?? [])
                {
                    draft.AddAlias(alias);
                }

                draft.ListedOn(e.effective_date is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : EarliestRegisterDate(e.federal_register));
                if (spec.SourceId == "bis-dpl" && e.notes is { } notes && ExpiresPattern().Match(notes) is { Success: true } m)
                {
                    var expires = DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    draft.Removed = draft.Removed is { } r && r > expires ? r : expires;
                }

                draft.AddMeasure(Measure(spec.SourceId, e));
            }

            log($"{spec.ListId}: {source.entities.Count} source entries -> {drafts.Count} entries");
            yield return new ConvertedList(
                spec.ListId,
                spec.Name,
                descriptor.agency,
                spec.Kind,
                spec.Description,
                $"{Repository}: {spec.File} (list_id {source.list_id}, from {source.source_file}, extracted {source.extracted}). {descriptor.snapshot}.",
                descriptor.official_url,
                Licence,
                $"Authority: {descriptor.authority}. Data as of: {descriptor.snapshot}. Entries with the same name and country are merged (aliases and measures combined, earliest date kept).",
                EntryIds.Build(spec.ListId, drafts.Values));
        }
    }

    /// <summary>What the listing means, as the source states it, with its Federal Register citations.</summary>
    private static string Measure(string list, SourceEntity e)
    {
        var notes = e.notes is null ? null : ListValues.CollapseWhitespace(e.notes);
        var register = e.federal_register is null ? null : ListValues.CollapseWhitespace(e.federal_register);
        var text = list switch
        {
            "bis-entity-list" => $"Licence requirement: {notes ?? "not stated"}",
            "bis-meu" => notes is null ? "Military end user (15 CFR 744.21)" : $"Military end user (15 CFR 744.21); {notes}",
            "dow-1260h" => notes is null ? "Chinese military company (Sec. 1260H)" : $"Chinese military company (Sec. 1260H): {notes}",
            _ => notes is null ? "Denial of export privileges" : $"Denial of export privileges; {notes}",
        };
        return register is null ? text : $"{text}; FR: {register}";
    }

    /// <summary>The Entity List gives no listing date, only its Federal Register citations: the earliest dated one is the listing.</summary>
    private static DateOnly? EarliestRegisterDate(string? citations)
    {
        if (citations is null)
        {
            return null;
        }

        DateOnly? earliest = null;
        foreach (Match m in RegisterDatePattern().Matches(citations))
        {
            var (month, day, year) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            year = year < 100 ? (year >= 50 ? 1900 + year : 2000 + year) : year;
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var date = new DateOnly(year, month, day);
            earliest = earliest is { } e && e < date ? e : date;
        }

        return earliest;
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllBytes(path)) ?? throw new InvalidDataException($"{path} is empty.");

    [GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex RegisterDatePattern();

    [GeneratedRegex(@"Expires:\s*(\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex ExpiresPattern();
}
