using Lodestone.Domain.Applications;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence;

/// <summary>The database of one Lodestone deployment; the same model on SQLite and PostgreSQL.</summary>
public sealed class LodestoneDbContext(DbContextOptions<LodestoneDbContext> options) : DbContext(options)
{
    public DbSet<Party> Parties => Set<Party>();

    public DbSet<Ownership> Ownerships => Set<Ownership>();

    public DbSet<LicenceApplication> Applications => Set<LicenceApplication>();

    public DbSet<Licence> Licences => Set<Licence>();

    public DbSet<PolicyVersionRecord> PolicyVersions => Set<PolicyVersionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var sqlite = Database.IsSqlite();
        modelBuilder.ApplyConfiguration(new PartyConfiguration());
        modelBuilder.ApplyConfiguration(new OwnershipConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationConfiguration(sqlite));
        modelBuilder.ApplyConfiguration(new LicenceConfiguration(sqlite));
        modelBuilder.ApplyConfiguration(new PolicyVersionConfiguration(sqlite));
    }
}

/// <summary>A policy file as it was loaded, kept so that every recorded policy version can be read back.</summary>
public sealed class PolicyVersionRecord
{
    public required string Version { get; init; }

    public required string Sha256 { get; init; }

    public required string Yaml { get; init; }

    public required DateTimeOffset FirstLoadedAt { get; init; }
}
