using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;

namespace Lodestone.DataFiles;

/// <summary>A party of the demo file, keyed for the ownership links.</summary>
public sealed record DemoParty(
    string Key,
    string Name,
    string? ChineseName,
    IReadOnlyList<string> Aliases,
    CountryCode Country,
    PartyKind Kind,
    IReadOnlyList<Sector> Sectors,
    IReadOnlyList<PartyRole> Roles,
    IReadOnlyList<Facility> Facilities);

/// <summary>A demo ownership link by party key.</summary>
public sealed record DemoOwnership(string Owner, string Owned, decimal Percent);

/// <summary>The synthetic demo parties file, <c>data/demo/parties.yaml</c>.</summary>
public sealed record DemoParties(IReadOnlyList<DemoParty> Parties, IReadOnlyList<DemoOwnership> Ownership)
{
    /// <summary>Parses and cross-checks the file (unique keys, known owners, at most 100% held).</summary>
    public static DemoParties Parse(string file, string text)
    {
        var doc = YamlDocument.Parse(file, text);
        var root = doc.Mapping(doc.Root, "(root)", "parties", "ownership");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var parties = doc.Sequence(root, "parties", "parties", required: true).Select((node, i) =>
        {
            var f = $"parties[{i}]";
            var map = doc.Mapping(node, f, "key", "name", "chineseName", "aliases", "country", "kind", "sectors", "roles", "facilities");
            var key = doc.RequiredString(map, "key", $"{f}.key");
            if (!keys.Add(key))
            {
                throw doc.Error(node, $"{f}.key", $"'{key}' is used twice.");
            }

            var facilities = doc.Sequence(map, "facilities", $"{f}.facilities", required: false).Select((fn, j) =>
            {
                var fm = doc.Mapping(fn, $"{f}.facilities[{j}]", "name", "address", "country");
                return new Facility(
                    doc.RequiredString(fm, "name", $"{f}.facilities[{j}].name"),
                    doc.RequiredString(fm, "address", $"{f}.facilities[{j}].address"),
                    Country(doc, fm, $"{f}.facilities[{j}].country"));
            }).ToList();
            return new DemoParty(
                key,
                doc.RequiredString(map, "name", $"{f}.name"),
                doc.OptionalString(map, "chineseName", $"{f}.chineseName"),
                doc.OptionalStrings(map, "aliases", $"{f}.aliases") ?? [],
                Country(doc, map, $"{f}.country"),
                doc.RequiredEnum<PartyKind>(map, "kind", $"{f}.kind"),
                doc.OptionalEnums<Sector>(map, "sectors", $"{f}.sectors") ?? [],
                doc.OptionalEnums<PartyRole>(map, "roles", $"{f}.roles") ?? [],
                facilities);
        }).ToList();

        var held = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ownership = doc.Sequence(root, "ownership", "ownership", required: false).Select((node, i) =>
        {
            var f = $"ownership[{i}]";
            var map = doc.Mapping(node, f, "owner", "owned", "percent");
            var owner = doc.RequiredString(map, "owner", $"{f}.owner");
            var owned = doc.RequiredString(map, "owned", $"{f}.owned");
            var percent = doc.OptionalDecimal(map, "percent", $"{f}.percent") ?? throw doc.Error(node, $"{f}.percent", "is required.");
            foreach (var (name, value) in new[] { ("owner", owner), ("owned", owned) })
            {
                if (!keys.Contains(value))
                {
                    throw doc.Error(node, $"{f}.{name}", $"no party has key '{value}'.");
                }
            }

            held[owned] = held.GetValueOrDefault(owned) + percent;
            if (percent is <= 0 or > 100 || held[owned] > 100)
            {
                throw doc.Error(node, $"{f}.percent", $"{owned} would be held {held[owned]}% in total; shares must be in (0, 100] and add up to at most 100.");
            }

            return new DemoOwnership(owner, owned, percent);
        }).ToList();

        return new DemoParties(parties, ownership);
    }

    /// <summary>Loads the file.</summary>
    public static DemoParties Load(string path) => Parse(path, File.ReadAllText(path));

    private static CountryCode Country(YamlDocument doc, YamlDotNet.RepresentationModel.YamlMappingNode map, string field)
    {
        var text = doc.RequiredString(map, "country", field);
        return CountryCode.TryParse(text, out var code) ? code : throw doc.Error(YamlDocument.Get(map, "country")!, field, $"'{text}' is not an ISO 3166-1 alpha-2 country code.");
    }
}
