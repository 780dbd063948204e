using Lodestone.DataFiles;
using Lodestone.Persistence;
using Lodestone.Services.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>Brings a database up to date at start: migrations, the policy text, and (if asked and empty) the demo.</summary>
public sealed class DatabaseInitializer(LodestoneDbContext db, ReferenceData reference, DemoSeeder seeder, TimeProvider time, Analytics.ExportRollups rollups, Analytics.DecisionRollups decisions)
{
    /// <summary>Number of demo applications the first start loads.</summary>
    public const int DemoApplications = 240;

    public async Task MigrateAsync(CancellationToken ct)
    {
        // Migrations, never EnsureCreated: each provider has its own migration set, and a schema made by
        // EnsureCreated could never be migrated later.
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        bool Pending(string name) => pending.Any(m => m.EndsWith("_" + name, StringComparison.Ordinal));
        var buildsExports = Pending("ExportRollup") || Pending("DecisionAnalytics");
        var buildsDecisions = Pending("DecisionAnalytics");
        await db.Database.MigrateAsync(ct);

        // A database upgraded from before a roll-up (or its week rows) gets it built once from the records.
        if (buildsExports && await db.Shipments.AnyAsync(ct))
        {
            await rollups.RebuildAsync(ct);
        }

        if (buildsDecisions && await db.Applications.AnyAsync(ct))
        {
            await decisions.RebuildAsync(ct);
        }

        await RecordPolicyAsync(ct);
    }

    /// <summary>Stores the text of the policy in force, so every recorded policy version can be read back.</summary>
    public async Task RecordPolicyAsync(CancellationToken ct)
    {
        if (!await db.PolicyVersions.AnyAsync(p => p.Sha256 == reference.PolicySha256, ct))
        {
            db.PolicyVersions.Add(new PolicyVersionRecord
            {
                Version = reference.Policy.Version,
                Sha256 = reference.PolicySha256,
                Yaml = reference.PolicyYaml,
                FirstLoadedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Loads the demo when the database holds no parties yet; returns null when it was not empty.</summary>
    public async Task<DemoSeedResult?> SeedDemoIfEmptyAsync(LodestoneOptions options, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await db.Parties.AnyAsync(ct))
        {
            return null;
        }

        var file = DemoParties.Load(Path.Combine(options.ResolvedDataDirectory, "demo", "parties.yaml"));
        return await seeder.SeedAsync(file, options.ResolvedDataDirectory, DemoApplications, progress, ct);
    }
}
