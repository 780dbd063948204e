using System.Collections.Frozen;

namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Common abbreviations in listed company names, expanded so that "CNOOC ENERGY TECH &amp; SRVCES" meets
/// "CNOOC Energy Technology and Services"; also British/American spellings folded to one.
/// </summary>
internal static class Abbreviations
{
    private static readonly FrozenDictionary<string, string[]> Map = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["intl"] = ["international"],
        ["int"] = ["international"],
        ["internat"] = ["international"],
        ["tech"] = ["technology"],
        ["techn"] = ["technology"],
        ["technol"] = ["technology"],
        ["hitech"] = ["high", "technology"],
        ["grp"] = ["group"],
        ["mfg"] = ["manufacturing"],
        ["mfr"] = ["manufacturer"],
        ["mfrs"] = ["manufacturer"],
        ["sys"] = ["system"],
        ["comm"] = ["communication"],
        ["comms"] = ["communication"],
        ["commun"] = ["communication"],
        ["telecomm"] = ["telecom"],
        ["telecommunication"] = ["telecom"],
        ["telecommunications"] = ["telecom"],
        ["svc"] = ["service"],
        ["svcs"] = ["service"],
        ["srvc"] = ["service"],
        ["srvcs"] = ["service"],
        ["srvces"] = ["service"],
        ["serv"] = ["service"],
        ["univ"] = ["university"],
        ["inst"] = ["institute"],
        ["aero"] = ["aerospace"],
        ["res"] = ["research"],
        ["info"] = ["information"],
        ["infor"] = ["information"],
        ["shpg"] = ["shipping"],
        ["navig"] = ["navigation"],
        ["transp"] = ["transport"],
        ["invest"] = ["investment"],
        ["prod"] = ["production"],
        ["mktg"] = ["marketing"],
        ["elec"] = ["electronic"],
        ["electr"] = ["electronic"],
        ["ind"] = ["industry"],
        ["inds"] = ["industry"],
        ["indus"] = ["industry"],
        ["natl"] = ["national"],
        ["acad"] = ["academy"],
        ["sci"] = ["science"],
        ["eng"] = ["engineering"],
        ["engg"] = ["engineering"],
        ["engr"] = ["engineering"],
        ["assn"] = ["association"],
        ["assoc"] = ["association"],
        ["dept"] = ["department"],
        ["govt"] = ["government"],
        ["mgmt"] = ["management"],
        ["mgt"] = ["management"],
        ["hldg"] = ["holding"],
        ["hldgs"] = ["holding"],
        ["dev"] = ["development"],
        ["devt"] = ["development"],
        ["equip"] = ["equipment"],
        ["chem"] = ["chemical"],
        ["pharm"] = ["pharmaceutical"],
        ["pharma"] = ["pharmaceutical"],
        ["trdg"] = ["trading"],
        ["impexp"] = ["import", "export"],
        ["imp"] = ["import"],
        ["exp"] = ["export"],
        ["mach"] = ["machinery"],
        ["ctr"] = ["center"],
        ["cntr"] = ["center"],
        ["centre"] = ["center"],
        ["labs"] = ["laboratory"],
        ["lab"] = ["laboratory"],
        ["organisation"] = ["organization"],
        ["org"] = ["organization"],
        ["programme"] = ["program"],
        ["defence"] = ["defense"],
        ["aluminium"] = ["aluminum"],
        ["aeronautics"] = ["aviation"],
        ["aeronautical"] = ["aviation"],
        ["aeronautic"] = ["aviation"],
        ["astronautics"] = ["aerospace"],
        ["astronautic"] = ["aerospace"],
        ["astronautical"] = ["aerospace"],
        ["mohd"] = ["mohammed"],
        ["muhd"] = ["muhammad"],
        ["bros"] = ["brother"],
        ["us"] = ["united", "states"],
        ["usa"] = ["united", "states", "america"],
        ["uk"] = ["united", "kingdom"],
        ["prc"] = ["people", "republic", "china"],
        ["peoples"] = ["people"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Abbreviations that are also words of their own ("Aero Engine"): their expansion keeps them as a reading.</summary>
    private static readonly FrozenSet<string> AlsoWords = new[] { "aero" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the abbreviation is also a word, to be kept as another reading of its expansion.</summary>
    public static bool IsAlsoWord(string token) => AlsoWords.Contains(token);

    /// <summary>The expansion of a token, or null when it is not an abbreviation.</summary>
    public static string[]? Expand(string token) => Map.TryGetValue(token, out var expansion) ? expansion : null;
}
