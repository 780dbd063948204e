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

    /// <summary>The data directory actually used.</summary>
    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Path.Combine(AppContext.BaseDirectory, "data"));

    /// <summary>The policy file actually used.</summary>
    public string ResolvedPolicyPath => Path.IsPathRooted(Policy) ? Policy : Path.Combine(ResolvedDataDirectory, Policy);
}
