using System.Security.Cryptography;
using System.Text;
using Lodestone.DataFiles;
using Lodestone.Domain.Calendar;
using Lodestone.Domain.Controls;
using Lodestone.Domain.Routing;

namespace Lodestone.Services;

/// <summary>
/// The reference files every instance loads at start: the control list, the working-day calendar and
/// the routing policy. They come from files in the deployment, so all instances behind one database
/// agree as long as they run the same release; each policy text is also recorded in the database.
/// </summary>
public sealed class ReferenceData
{
    public ReferenceData(ControlList controlList, WorkingDayCalendar calendar, RoutingPolicy policy, string policyYaml)
    {
        ControlList = controlList;
        Calendar = calendar;
        Policy = policy;
        PolicyYaml = policyYaml;
        PolicySha256 = Sha256(policyYaml);
    }

    public ControlList ControlList { get; }

    public WorkingDayCalendar Calendar { get; }

    public RoutingPolicy Policy { get; }

    public string PolicyYaml { get; }

    public string PolicySha256 { get; }

    /// <summary>Loads and validates all reference files; throws <see cref="DataFileException"/> naming file and line.</summary>
    public static ReferenceData Load(LodestoneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dir = options.ResolvedDataDirectory;
        if (!Directory.Exists(dir))
        {
            throw new DataFileException(dir, 0, null, "the data directory does not exist (set Lodestone__DataDirectory).");
        }

        var policyPath = options.ResolvedPolicyPath;
        var policyYaml = ReadFile(policyPath);
        return new ReferenceData(
            ControlListFile.Parse(Path.Combine(dir, "control-list.yaml"), ReadFile(Path.Combine(dir, "control-list.yaml"))),
            CalendarFile.Parse(Path.Combine(dir, "calendar", "china.yaml"), ReadFile(Path.Combine(dir, "calendar", "china.yaml"))),
            PolicyFile.Parse(policyPath, policyYaml),
            policyYaml);
    }

    /// <summary>This data with another policy, for dry runs.</summary>
    public ReferenceData WithPolicy(RoutingPolicy policy, string yaml) => new(ControlList, Calendar, policy, yaml);

    private static string ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new DataFileException(path, 0, null, "file not found.");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
