using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lodestone.Screening.Lists;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>The entries screened against, and where they came from.</summary>
internal sealed record LoadedLists(IReadOnlyList<IndexedEntry> Entries, IReadOnlyList<string> Sources)
{
    public int NameCount => Entries.Sum(e => e.Entry.AllNames().Count());
}

/// <summary>
/// Loads the reference lists: the default lists (<c>data/lists/lists.yaml</c> read with the
/// DataFiles list readers) plus the OFAC SDN file read in place from the shared folder. With
/// <c>--raw-lists</c>, or when the default lists are not there, the US lists are read directly from
/// <c>shared/data/raw/us_restricted_lists_nsfreg/*.json</c> and SDN with a minimal parser of our own.
/// </summary>
internal static partial class ListSources
{
    public static LoadedLists Load(BenchPaths paths, BenchOptions options, Report report)
    {
        var entries = new List<IndexedEntry>();
        var sources = new List<string>();
        var raw = options.Flag("raw-lists") || !File.Exists(paths.ListsYaml);
        if (!raw)
        {
            var (listEntries, listSources) = DefaultLists.Load(paths);
            entries.AddRange(listEntries);
            sources.AddRange(listSources);
            var sdn = DefaultLists.LoadSdn(paths.SdnFile);
            entries.AddRange(sdn);
            sources.Add($"ofac-sdn: {Stats.N(sdn.Count)} entries, {Stats.N(sdn.Sum(e => e.Entry.AllNames().Count()))} names (shared/data/raw/ofac_sdn/{Path.GetFileName(paths.SdnFile)}, format ofac, aliases from Remarks)");
        }
        else
        {
            report.Line($"(default lists not used: {(File.Exists(paths.ListsYaml) ? "--raw-lists given" : paths.ListsYaml + " does not exist")}; reading the raw nsfreg JSON instead)");
            foreach (var file in Directory.GetFiles(paths.NsfregFolder, "*.json").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file) == "lists.json")
                {
                    continue;
                }

                var list = ReadNsfreg(file);
                entries.AddRange(list);
                sources.Add($"{list[0].ListId}: {Stats.N(list.Count)} entries (raw {Path.GetFileName(file)})");
            }

            var sdn = ReadSdn(paths.SdnFile);
            entries.AddRange(sdn);
            sources.Add($"ofac-sdn: {Stats.N(sdn.Count)} entries ({Path.GetFileName(paths.SdnFile)}, bench parser)");
        }

        return new LoadedLists(entries, sources);
    }

    /// <summary>One nsfreg JSON file: <c>{list_id, entities: [{name, aliases[], country, ...}]}</c>.</summary>
    public static List<IndexedEntry> ReadNsfreg(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var listId = doc.RootElement.GetProperty("list_id").GetString() ?? Path.GetFileNameWithoutExtension(file);
        var result = new List<IndexedEntry>();
        var i = 0;
        foreach (var e in doc.RootElement.GetProperty("entities").EnumerateArray())
        {
            i++;
            var name = e.GetProperty("name").GetString();
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var aliases = e.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(x => x.GetString()).OfType<string>().Where(x => !string.IsNullOrWhiteSpace(x)).ToList()
                : [];
            var country = e.TryGetProperty("country", out var c) && c.ValueKind == JsonValueKind.String ? Countries.ToIso2(c.GetString()) : null;
            result.Add(new IndexedEntry(listId, new ListEntry
            {
                Id = i.ToString(CultureInfo.InvariantCulture),
                Name = name,
                Aliases = aliases,
                Country = country,
            }));
        }

        return result;
    }

    /// <summary>
    /// The OFAC SDN CSV (no header; latin-1; <c>-0-</c> for empty): ent_num, SDN_Name, SDN_Type, ...,
    /// Remarks. Aliases are the quoted names after <c>a.k.a.</c>, <c>f.k.a.</c> and <c>n.k.a.</c> in Remarks.
    /// </summary>
    public static List<IndexedEntry> ReadSdn(string file)
    {
        var result = new List<IndexedEntry>();
        foreach (var row in Csv.Read(file, Encoding.Latin1))
        {
            if (row.Length < 12)
            {
                continue;
            }

            var name = Clean(row[1]);
            if (name is null)
            {
                continue;
            }

            var remarks = Clean(row[11]) ?? "";
            var aliases = AkaPattern().Matches(remarks).Select(m => m.Groups[1].Value.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var type = Clean(row[2]) switch
            {
                "individual" => EntryType.Person,
                "vessel" => EntryType.Vessel,
                "aircraft" => EntryType.Aircraft,
                _ => EntryType.Entity,
            };
            result.Add(new IndexedEntry("ofac-sdn", new ListEntry
            {
                Id = row[0].Trim(),
                Name = name,
                Aliases = aliases,
                Type = type,
            }));
        }

        return result;
    }

    private static string? Clean(string field)
    {
        var t = field.Trim();
        return t.Length == 0 || t == "-0-" ? null : t;
    }

    [GeneratedRegex(@"(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex AkaPattern();
}
