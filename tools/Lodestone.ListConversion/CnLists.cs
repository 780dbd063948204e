using System.Globalization;
using Lodestone.Domain.Routing;
using Lodestone.Screening.Lists;
using YamlDotNet.RepresentationModel;

namespace Lodestone.ListConversion;

/// <summary>
/// China's lists from the official announcements, as structured by ammitto/data-cn
/// (<c>cn_mofcom_mfa_lists_ammitto/**.yml</c>). The folder decides the list, not the entities'
/// <c>sanction_list</c> field: in <c>import-export-control-list/202501.yml</c> it wrongly says 反制裁清单.
/// An entry is keyed by its Chinese name, the authoritative one.
/// </summary>
public static class CnLists
{
    private const string Repository = "ammitto/data-cn, sources/sanction-lists/** and sources/sanction-updates/** at commit 519d49c0b378d373b127146583b21958b98e2576 (2026-03-03)";
    private const string Licence = "CN-gov: official documents of state organs are excluded from copyright (PRC Copyright Law art. 5). Kept: names, dates, the official Chinese wording of the measures and the announcement URLs; ammitto's English translations of the texts are not shipped (its English names are kept as identifying facts).";

    /// <summary>
    /// The announcement URL of 〔2023〕1号 in the source is a placeholder (art_123456.html), not the announcement:
    /// it is left out rather than shipped as a link that leads nowhere.
    /// </summary>
    private static readonly HashSet<string> PlaceholderUrls = new(StringComparer.Ordinal)
    {
        "https://www.mofcom.gov.cn/zwgk/zcfb/art/2023/art_123456.html",
    };

    /// <summary>An announcement that only opens an investigation (PVH, 〔2024〕3号) lists no one.</summary>
    private static readonly HashSet<string> InvestigationMeasures = new(StringComparer.Ordinal)
    {
        "investigation", "provide_information", "allow_statement", "cooperate_investigation", "report_violation",
    };

    private sealed record Spec(string Folder, string ListId, string Name, string Authority, ListKind Kind, string Description, string SourceUrl);

    private static readonly Spec[] Specs =
    [
        new("import-export-control-list", "cn-export-control", "Export Control List (出口管制管控名单)", "Ministry of Commerce of the PRC (MOFCOM)", ListKind.Control,
            "Foreign end users and end users under the Export Control Law art. 18: exports of dual-use items to them are prohibited; an exporter may apply to MOFCOM in special cases.",
            "https://www.mofcom.gov.cn/zwgk/zcfb/"),
        new("unrealiable-entity-list", "cn-unreliable-entity", "Unreliable Entity List (不可靠实体清单)", "Unreliable Entity List Working Mechanism (MOFCOM)", ListKind.UnreliableEntity,
            "Foreign entities under the Provisions on the Unreliable Entity List: China-related import and export, new investment and other measures as each announcement states. Where MOFCOM stopped an announcement's measures, its entries carry that date as removal.",
            "https://www.mofcom.gov.cn/zwgk/zcfb/"),
        new("anti-sanction-list", "cn-countermeasures", "MFA Countermeasures List (反制裁清单)", "Ministry of Foreign Affairs of the PRC (MFA)", ListKind.Watch,
            "Persons and organisations under the Anti-Foreign Sanctions Law: asset freezes, bans on transactions and cooperation with organisations and individuals in China, entry bans, as each decision states.",
            "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"),
    ];

    private sealed record Announcement(string File, string DocumentId, DateOnly Published, string Authority, string Type, string? Url, string TitleZh);

    private sealed record Modification(string Action, string Target, DateOnly Effective, DateOnly? Until, Announcement By);

    public static IEnumerable<ConvertedList> Convert(string folder, Action<string> log)
    {
        var modifications = ReadModifications(Path.Combine(folder, "sanction-updates", "unreliable-entity-list-updates"), log);
        foreach (var spec in Specs)
        {
            var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
            var sources = new Dictionary<string, List<Announcement>>(StringComparer.Ordinal);
            var files = Directory.EnumerateFiles(Path.Combine(folder, "sanction-lists", spec.Folder))
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            var latest = DateOnly.MinValue;
            var count = 0;
            var quirks = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var root = Load(file);
                var announcement = ReadAnnouncement(file, Map(root, "announcement", file));
                latest = announcement.Published > latest ? announcement.Published : latest;
                foreach (var entity in Seq(Get(Map(root, "sanction_details", file), "entities")))
                {
                    var e = (YamlMappingNode)entity;
                    var measureNodes = Seq(Get(e, "measures")).Cast<YamlMappingNode>().ToList();
                    var measureTypes = measureNodes.SelectMany(m => Seq(Get(m, "type")).Select(Text)).OfType<string>().ToList();
                    if (measureTypes.Count > 0 && measureTypes.All(InvestigationMeasures.Contains))
                    {
                        log($"{spec.ListId}: {Path.GetFileName(file)} opens an investigation of {Text(Get(Map(e, "name", file), "en"))}; not a listing, skipped");
                        continue;
                    }

                    if (Text(Get(e, "sanction_list")) is { } stated && spec.Folder == "import-export-control-list" && stated != "出口管制管控名单" && quirks.Add(file))
                    {
                        log($"{spec.ListId}: {Path.GetFileName(file)} says sanction_list '{stated}'; taken as the Export Control List by folder and announcement");
                    }

                    count++;
                    var name = Map(e, "name", file);
                    var zh = Clean(Text(Get(name, "zh-Hans")));
                    var en = Clean(Text(Get(name, "en")));
                    var primary = en ?? zh ?? throw new InvalidDataException($"{file}: an entity without a name.");
                    var key = EntryIds.Normalise(zh ?? en!);
                    if (!drafts.TryGetValue(key, out var draft))
                    {
                        drafts[key] = draft = new Draft { Key = key, Name = primary, ChineseName = zh };
                        sources[key] = [];
                    }

                    draft.AddAlias(en);
                    draft.Type = Text(Get(e, "type")) switch
                    {
                        "individual" => EntryType.Person,
                        "organization" => EntryType.Entity,
                        var other => throw new InvalidDataException($"{file}: unknown entity type '{other}'."),
                    };
                    draft.Country ??= CountryFromTitle(announcement.TitleZh);
                    var effective = Text(Get(e, "effective_date")) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : announcement.Published;
                    draft.ListedOn(effective);
                    // The official Chinese wording, not ammitto's English translation: only the former is an
                    // official document free of copyright (art. 5); the translation carries no licence.
                    var texts = measureNodes.Select(m => Clean(Text(Get(m, "zh-Hans")))).OfType<string>().Select(t => t.TrimEnd('.', '。', ';', '；')).ToList();
                    draft.AddMeasure($"{Cite(announcement)}: {(texts.Count > 0 ? string.Join("；", texts) : "listed")}");
                    sources[key].Add(announcement);
                }
            }

            foreach (var (key, draft) in drafts)
            {
                var listings = sources[key].OrderBy(a => a.Published).ToList();
                draft.SourceUrl = listings.Select(a => a.Url).FirstOrDefault(u => u is not null);
                ApplyModifications(draft, listings, modifications);
            }

            log($"{spec.ListId}: {count} listings in {files.Count} announcements -> {drafts.Count} entries");
            yield return new ConvertedList(
                spec.ListId,
                spec.Name,
                spec.Authority,
                spec.Kind,
                spec.Description,
                $"{Repository}: sources/sanction-lists/{spec.Folder}/ ({files.Count} announcements, latest {latest:yyyy-MM-dd})"
                    + (spec.ListId == "cn-unreliable-entity" ? " and sources/sanction-updates/unreliable-entity-list-updates/ (suspensions and stops, 2025)." : "."),
                spec.SourceUrl,
                Licence,
                $"Latest announcement: {latest:yyyy-MM-dd}. name_zh is the Chinese name as announced; name is the English name (from the announcement where it gives one, otherwise ammitto's identification); measures quote the official Chinese wording; country is set only where the announcement title names one country. Entries listed by several announcements are merged (earliest date kept, measures of each announcement listed).",
                EntryIds.Build(spec.ListId, drafts.Values));
        }
    }

    /// <summary>
    /// MOFCOM's UEL updates act on whole announcements: "suspend" keeps the entry listed and notes the suspension;
    /// "stop" ends the announcement's measures, so an entry whose every listing was stopped is removed on the
    /// latest stop date.
    /// </summary>
    private static void ApplyModifications(Draft draft, List<Announcement> listings, List<Modification> modifications)
    {
        DateOnly? lastStop = null;
        var stopped = 0;
        foreach (var listing in listings)
        {
            var applicable = modifications.Where(m => m.Target == listing.DocumentId).OrderBy(m => m.Effective).ToList();
            foreach (var m in applicable)
            {
                var until = m.Until is { } u ? $" until {u:yyyy-MM-dd}" : string.Empty;
                draft.AddMeasure(m.Action == "stop"
                    ? $"{Cite(m.By)}: measures of {listing.DocumentId} stopped from {m.Effective:yyyy-MM-dd}"
                    : $"{Cite(m.By)}: measures of {listing.DocumentId} suspended from {m.Effective:yyyy-MM-dd}{until}; domestic firms may apply to trade with the entity");
            }

            if (applicable.LastOrDefault(m => m.Action == "stop") is { } stop)
            {
                stopped++;
                lastStop = lastStop is { } l && l > stop.Effective ? l : stop.Effective;
            }
        }

        if (stopped == listings.Count && lastStop is { } removed)
        {
            draft.Removed = removed;
        }
    }

    private static List<Modification> ReadModifications(string folder, Action<string> log)
    {
        var list = new List<Modification>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var root = Load(file);
            var by = ReadAnnouncement(file, Map(root, "announcement", file));
            foreach (var node in Seq(Get(Map(root, "measure_modifications", file), "modifications")))
            {
                var m = (YamlMappingNode)node;
                var action = Text(Get(m, "action")) ?? throw new InvalidDataException($"{file}: a modification without an action.");
                if (action is not ("suspend" or "stop"))
                {
                    throw new InvalidDataException($"{file}: unknown modification '{action}'.");
                }

                list.Add(new Modification(
                    action,
                    Text(Get(m, "target_announcement_id")) ?? throw new InvalidDataException($"{file}: a modification without a target."),
                    DateOnly.ParseExact(Text(Get(m, "effective_date"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Text(Get(m, "until_date")) is { } u ? DateOnly.ParseExact(u, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    by));
            }
        }

        log($"cn-unreliable-entity: {list.Count} modifications (suspend/stop) read");
        return list;
    }

    private static Announcement ReadAnnouncement(string file, YamlMappingNode a)
    {
        var url = Text(Get(a, "url"));
        return new Announcement(
            Path.GetFileName(file),
            Text(Get(a, "document_id")) ?? throw new InvalidDataException($"{file}: no document_id."),
            DateOnly.ParseExact(Text(Get(a, "publish_date"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Text(Get(a, "authority")) ?? string.Empty,
            Text(Get(a, "type")) ?? string.Empty,
            url is null || PlaceholderUrls.Contains(url) ? null : url,
            Seq(Get(a, "title")).Cast<YamlMappingNode>().Select(t => Text(Get(t, "zh-Hans"))).FirstOrDefault() ?? string.Empty);
    }

    /// <summary>"MOFCOM 2025年第13号 (2025-03-04)": who decided, which document, when. A spokesperson's answer has no document number.</summary>
    private static string Cite(Announcement a)
    {
        var who = a.Authority switch
        {
            "cn/ministry-of-commerce" => "MOFCOM",
            "cn/ministry-of-foreign-affairs" => "MFA",
            "cn/unreliable-entity-list-working-mechanism" => "UEL Working Mechanism",
            var other => other,
        };
        return a.Type.Contains("spokesperson", StringComparison.Ordinal)
            ? $"{who} spokesperson ({a.Published:yyyy-MM-dd})"
            : $"{who} {a.DocumentId} ({a.Published:yyyy-MM-dd})";
    }

    /// <summary>The country named by the announcement's title ("28家美国实体"), if it names exactly one.</summary>
    private static string? CountryFromTitle(string title)
    {
        var found = new[] { ("美国", "US"), ("台湾地区", "TW"), ("日本", "JP"), ("加拿大", "CA") }
            .Where(c => title.Contains(c.Item1, StringComparison.Ordinal))
            .Select(c => c.Item2)
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static string? Clean(string? text) =>
        text is null ? null : Lodestone.DataFiles.Lists.ListValues.CollapseWhitespace(text) is { Length: > 0 } t ? t : null;

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode Map(YamlMappingNode map, string key, string file) =>
        Get(map, key) as YamlMappingNode ?? throw new InvalidDataException($"{file}: '{key}' is missing or not a mapping.");

    private static IEnumerable<YamlNode> Seq(YamlNode? node) => node is YamlSequenceNode s ? s.Children : [];

    private static string? Text(YamlNode? node) => node is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;
}
