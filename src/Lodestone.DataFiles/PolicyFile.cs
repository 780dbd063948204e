using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using YamlDotNet.RepresentationModel;

namespace Lodestone.DataFiles;

/// <summary>Loads a routing policy YAML file (see <c>data/policies/default.yaml</c> for the vocabulary).</summary>
public static class PolicyFile
{
    private static readonly string[] ConditionKeys =
    [
        "itemControlled", "controlCodes", "destinations", "endUses", "endUserSectors", "listHits",
        "militaryLinked", "militaryMinorityStake", "veuCover", "missingEvidence", "channels",
    ];

    /// <summary>Parses and validates a policy; errors name the line.</summary>
    public static RoutingPolicy Parse(string file, string text)
    {
        var doc = YamlDocument.Parse(file, text);
        var root = doc.Mapping(doc.Root, "(root)", "version", "effectiveFrom", "description", "lanes", "rules");

        var lanes = new List<LaneSettings>();
        if (YamlDocument.Get(root, "lanes") is { } lanesNode)
        {
            var lanesMap = doc.Mapping(lanesNode, "lanes", Enum.GetValues<Lane>().Select(l => WireName.Of(l)).ToArray());
            foreach (var (key, value) in lanesMap.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var settings = doc.Mapping(value, $"lanes.{name}", "workingDays");
                var days = doc.OptionalDecimal(settings, "workingDays", $"lanes.{name}.workingDays");
                if (days is { } d && (d < 1 || d > 365 || d != decimal.Truncate(d)))
                {
                    throw doc.Error(value, $"lanes.{name}.workingDays", "must be a whole number of working days between 1 and 365, or null.");
                }

                lanes.Add(new LaneSettings(WireName.Parse<Lane>(name, "lane"), days is null ? null : (int)days.Value));
            }
        }

        var rules = doc.Sequence(root, "rules", "rules", required: true).Select((node, i) =>
        {
            var field = $"rules[{i}]";
            var map = doc.Mapping(node, field, "id", "lane", "reason", "when");
            var whenNode = YamlDocument.Get(map, "when") ?? throw doc.Error(node, $"{field}.when", "is required (use {} for a rule that matches everything).");
            var when = doc.Mapping(whenNode, $"{field}.when", ConditionKeys);
            var f = $"{field}.when";
            var conditions = new RuleConditions
            {
                ItemControlled = doc.OptionalBool(when, "itemControlled", $"{f}.itemControlled"),
                ControlCodes = doc.OptionalStrings(when, "controlCodes", $"{f}.controlCodes"),
                Destinations = doc.OptionalStrings(when, "destinations", $"{f}.destinations")?.Select((c, j) =>
                    CountryCode.TryParse(c, out var code) ? code : throw doc.Error(whenNode, $"{f}.destinations[{j}]", $"'{c}' is not an ISO 3166-1 alpha-2 country code.")).ToList(),
                EndUses = doc.OptionalEnums<EndUseCategory>(when, "endUses", $"{f}.endUses"),
                EndUserSectors = doc.OptionalEnums<Sector>(when, "endUserSectors", $"{f}.endUserSectors"),
                ListHits = doc.OptionalEnums<ListKind>(when, "listHits", $"{f}.listHits"),
                MilitaryLinked = doc.OptionalBool(when, "militaryLinked", $"{f}.militaryLinked"),
                MilitaryMinorityStake = doc.OptionalBool(when, "militaryMinorityStake", $"{f}.militaryMinorityStake"),
                VeuCover = doc.OptionalBool(when, "veuCover", $"{f}.veuCover"),
                MissingEvidence = doc.OptionalBool(when, "missingEvidence", $"{f}.missingEvidence"),
                Channels = doc.OptionalEnums<Channel>(when, "channels", $"{f}.channels"),
            };
            return new PolicyRule(
                doc.RequiredString(map, "id", $"{field}.id"),
                doc.RequiredEnum<Lane>(map, "lane", $"{field}.lane"),
                doc.RequiredString(map, "reason", $"{field}.reason"),
                conditions,
                YamlDocument.Line(node));
        }).ToList();

        try
        {
            return RoutingPolicy.Create(
                doc.RequiredString(root, "version", "version"),
                doc.RequiredDate(root, "effectiveFrom", "effectiveFrom"),
                doc.OptionalString(root, "description", "description"),
                rules,
                lanes);
        }
        catch (DomainException ex)
        {
            var line = ex.Field is { } fld && fld.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(fld[5..], out var l) ? l : 0;
            throw new DataFileException(file, line, line > 0 ? null : ex.Field, ex.Message, ex);
        }
    }

    /// <summary>Loads a policy from a file.</summary>
    public static RoutingPolicy Load(string path) => Parse(path, File.ReadAllText(path));
}
