using Lodestone.Domain.Applications;
using Lodestone.Domain.Audit;
using Lodestone.Domain.Checks;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Screening;
using Lodestone.Domain.Shipments;
using Lodestone.Domain.Veu;
using Lodestone.Persistence.Audit;
using Lodestone.Persistence.Configurations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence;

/// <summary>
/// The database of one Lodestone deployment; the same model on SQLite and PostgreSQL. Every save that
/// changes a record also appends to the audit chain, in the same transaction.
/// </summary>
public sealed class LodestoneDbContext(DbContextOptions<LodestoneDbContext> options, ICurrentActor? actor = null, TimeProvider? time = null)
    : IdentityDbContext<LodestoneUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Who the audit trail records for the next saves (the demo seeder switches it as it plays different people).</summary>
    public ICurrentActor Actor { get; set; } = actor ?? FixedActor.System;

    public DbSet<AuditRecord> AuditEvents => Set<AuditRecord>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>The Data Protection key ring, shared by all instances so cookies and tokens work on any of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<Ownership> Ownerships => Set<Ownership>();

    public DbSet<LicenceApplication> Applications => Set<LicenceApplication>();

    public DbSet<Licence> Licences => Set<Licence>();

    public DbSet<PolicyVersionRecord> PolicyVersions => Set<PolicyVersionRecord>();

    public DbSet<RestrictedList> RestrictedLists => Set<RestrictedList>();

    public DbSet<ListVersion> ListVersions => Set<ListVersion>();

    public DbSet<StoredListEntry> ListEntries => Set<StoredListEntry>();

    public DbSet<ScreeningHit> ScreeningHits => Set<ScreeningHit>();

    public DbSet<Clearance> Clearances => Set<Clearance>();

    public DbSet<RescreenJob> RescreenJobs => Set<RescreenJob>();

    public DbSet<VeuAuthorization> VeuAuthorizations => Set<VeuAuthorization>();

    public DbSet<VeuCapYear> VeuCapYears => Set<VeuCapYear>();

    public DbSet<VeuDrawdown> VeuDrawdowns => Set<VeuDrawdown>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<PostShipmentReport> PostShipmentReports => Set<PostShipmentReport>();

    public DbSet<LicenceChange> LicenceChanges => Set<LicenceChange>();

    public DbSet<EndUseCheck> EndUseChecks => Set<EndUseCheck>();

    public DbSet<ListProposal> ListProposals => Set<ListProposal>();

    /// <summary>The export roll-up the analytics read (derived data: rebuilt from shipments, not audited).</summary>
    public DbSet<Analytics.ExportTotal> ExportTotals => Set<Analytics.ExportTotal>();

    public DbSet<Analytics.DecisionTotal> DecisionTotals => Set<Analytics.DecisionTotal>();

    public DbSet<Analytics.ProcessingTime> ProcessingTimes => Set<Analytics.ProcessingTime>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        var sqlite = Database.IsSqlite();
        builder.ApplyConfiguration(new PartyConfiguration());
        builder.ApplyConfiguration(new OwnershipConfiguration());
        builder.ApplyConfiguration(new ApplicationConfiguration(sqlite));
        builder.ApplyConfiguration(new LicenceConfiguration(sqlite));
        builder.ApplyConfiguration(new PolicyVersionConfiguration(sqlite));
        builder.ApplyConfiguration(new RestrictedListConfiguration(sqlite));
        builder.ApplyConfiguration(new ListVersionConfiguration(sqlite));
        builder.ApplyConfiguration(new StoredListEntryConfiguration());
        builder.ApplyConfiguration(new ScreeningHitConfiguration(sqlite));
        builder.ApplyConfiguration(new ClearanceConfiguration(sqlite));
        builder.ApplyConfiguration(new RescreenJobConfiguration(sqlite));
        builder.ApplyConfiguration(new VeuConfiguration(sqlite));
        builder.ApplyConfiguration(new VeuCapYearConfiguration());
        builder.ApplyConfiguration(new VeuDrawdownConfiguration());
        builder.ApplyConfiguration(new ShipmentConfiguration(sqlite));
        builder.ApplyConfiguration(new PostShipmentReportConfiguration(sqlite));
        builder.ApplyConfiguration(new LicenceChangeConfiguration(sqlite));
        builder.ApplyConfiguration(new EndUseCheckConfiguration(sqlite));
        builder.ApplyConfiguration(new ListProposalConfiguration(sqlite));
        builder.ApplyConfiguration(new ExportTotalConfiguration());
        builder.ApplyConfiguration(new DecisionTotalConfiguration());
        builder.ApplyConfiguration(new ProcessingTimeConfiguration());
        builder.ApplyConfiguration(new AuditRecordConfiguration(sqlite));
        builder.ApplyConfiguration(new AuditHeadConfiguration());
        builder.ApplyConfiguration(new AuditCheckpointConfiguration(sqlite));
        builder.ApplyConfiguration(new IdempotencyRecordConfiguration(sqlite));
    }

    /// <summary>Saves the changes and their audit records atomically; use this, not the synchronous overload.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditCapture.Collect(ChangeTracker);
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var owned = Database.CurrentTransaction is null;
        var transaction = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Taking the head row's lock first serialises appends across connections and instances (a row
            // lock on PostgreSQL, the write lock on SQLite), so sequence numbers have no gaps or forks.
            await Database.ExecuteSqlRawAsync("UPDATE \"AuditHead\" SET \"Seq\" = \"Seq\" WHERE \"Id\" = 1", cancellationToken);
            var head = await AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);
            var (seq, hash) = (head.Seq, head.Hash);
            var now = _time.GetUtcNow();
            foreach (var change in changes)
            {
                var record = AuditRecord.Next(seq, hash, now, Actor.Name, Actor.OrganisationId, change.Action, change.EntityType, change.EntityId, change.Before, change.After);
                AuditEvents.Add(record);
                (seq, hash) = (record.Seq, record.Hash);
            }

            await Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditHead\" SET \"Seq\" = {seq}, \"Hash\" = {hash} WHERE \"Id\" = 1", cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            // The audit records were added to this context; a failed save must not leave them queued.
            foreach (var entry in ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Synchronous saves are allowed only for what the trail does not record (the Data Protection key
    /// ring saves this way); anything audited must go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        AuditCapture.Collect(ChangeTracker).Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Use SaveChangesAsync: every save appends to the audit chain.");
}

/// <summary>A policy file as it was loaded, kept so that every recorded policy version can be read back.</summary>
public sealed class PolicyVersionRecord
{
    public required string Version { get; init; }

    public required string Sha256 { get; init; }

    public required string Yaml { get; init; }

    public required DateTimeOffset FirstLoadedAt { get; init; }
}
