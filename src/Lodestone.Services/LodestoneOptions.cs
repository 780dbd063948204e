namespace Lodestone.Services;

/// <summary>Settings under the <c>Lodestone</c> configuration section (environment: <c>Lodestone__Database</c> and so on).</summary>
public sealed class LodestoneOptions
{
    public const string Section = "Lodestone";

    /// <summary>A SQLite file path (default <c>lodestone.db</c> in the working directory) or a PostgreSQL connection string.</summary>
    public string Database { get; set; } = "lodestone.db";

    /// <summary>Folder holding control-list.yaml, calendar/, policies/ and demo/. Defaults to the copy beside the binaries.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The routing policy file; relative paths are taken from <see cref="DataDirectory"/>.</summary>
    public string Policy { get; set; } = "policies/default.yaml";

    /// <summary>
    /// Load the synthetic demo data into an empty database on start. Off unless configured, so a server
    /// started without its appsettings never fills a production database with demo records;
    /// appsettings.json turns it on and appsettings.Production.json off again.
    /// </summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// PEM file of the ECDSA P-256 key that signs audit checkpoints. Keep it outside the database (and
    /// off the database host), so that whoever can rewrite the audit table cannot also re-sign it.
    /// </summary>
    public string? AuditKeyFile { get; set; }

    /// <summary>Working days after release within which each post-shipment report is due (art. 18).</summary>
    public ReportDeadlineOptions ReportDeadlines { get; set; } = new();

    /// <summary>The data directory actually used.</summary>
    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Path.Combine(AppContext.BaseDirectory, "data"));

    /// <summary>The policy file actually used.</summary>
    public string ResolvedPolicyPath => Path.IsPathRooted(Policy) ? Policy : Path.Combine(ResolvedDataDirectory, Policy);
}

/// <summary>
/// Post-shipment report deadlines in working days after release (<c>Lodestone:ReportDeadlines:Arrival</c> and so
/// on). Art. 18 requires the reports but sets no deadline; these defaults are the project's choice.
/// </summary>
public sealed class ReportDeadlineOptions
{
    public int Transport { get; set; } = 10;

    public int Arrival { get; set; } = 30;

    public int Installation { get; set; } = 60;

    public int Use { get; set; } = 90;

    /// <summary>The deadlines by report kind, each checked to be between 1 and 500 working days.</summary>
    public IReadOnlyDictionary<Domain.Shipments.ReportKind, int> ByKind()
    {
        var days = new Dictionary<Domain.Shipments.ReportKind, int>
        {
            [Domain.Shipments.ReportKind.Transport] = Transport,
            [Domain.Shipments.ReportKind.Arrival] = Arrival,
            [Domain.Shipments.ReportKind.Installation] = Installation,
            [Domain.Shipments.ReportKind.Use] = Use,
        };
        foreach (var (kind, value) in days.Where(d => d.Value is < 1 or > 500))
        {
            throw new InvalidOperationException($"Lodestone:ReportDeadlines:{kind} is {value}; give 1 to 500 working days.");
        }

        return days;
    }
}
