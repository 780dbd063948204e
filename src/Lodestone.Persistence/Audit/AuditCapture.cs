using System.Text.Json;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Audit;
using Lodestone.Domain.Checks;
using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Screening;
using Lodestone.Domain.Shipments;
using Lodestone.Domain.Veu;
using Lodestone.Persistence.Configurations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lodestone.Persistence.Audit;

/// <summary>One change to record: what happened to which entity, with its state before and after.</summary>
internal sealed record AuditChange(string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>Turns tracked changes into audit changes; refuses deletions of records that must be kept.</summary>
internal static class AuditCapture
{
    /// <summary>What the trail keeps of an account: never its password hash or security stamps.</summary>
    private static readonly HashSet<string> AccountFields =
        ["Id", "UserName", "Email", "OrganisationId", "IsDemo", "LockoutEnd", "LockoutEnabled", "AccessFailedCount"];

    public static List<AuditChange> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var changes = new List<AuditChange>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            // Key material and sign-in tokens never go into the trail.
            if (entry.Entity is DataProtectionKey or IdentityUserToken<string> or IdentityUserLogin<string> or IdentityUserClaim<string> or IdentityRoleClaim<string>)
            {
                continue;
            }

            // List entries are the content of a list version; the version's record (file hash, diff counts)
            // stands for them in the trail, so an import of 15,000 entries is one record, not 15,000. The
            // export roll-up is derived from audited shipments and can be rebuilt from them.
            if (entry.Entity is StoredListEntry or Analytics.ExportTotal or Analytics.DecisionTotal or Analytics.ProcessingTime)
            {
                continue;
            }

            if (entry.Entity is AuditRecord or AuditHead or AuditCheckpoint or IdempotencyRecord)
            {
                if (entry.Entity is AuditRecord or AuditCheckpoint && entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("Audit records and checkpoints are append-only.");
                }

                continue;
            }

            if (entry.State == EntityState.Deleted && entry.Entity is LicenceApplication or Licence or Party or PolicyVersionRecord or ListVersion or ScreeningHit or Clearance or RestrictedList or VeuAuthorization or VeuDrawdown or VeuCapYear or Shipment or PostShipmentReport or LicenceChange or EndUseCheck or ListProposal)
            {
                // Dual-Use Items Regulations art. 27: records are kept at least five years; withdrawal and
                // revocation are states, never deletions.
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are never deleted.");
            }

            var type = entry.Metadata.ClrType.Name;
            var id = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
            if (entry.Entity is LodestoneUser && entry.State == EntityState.Deleted)
            {
                throw new InvalidOperationException("Accounts are never deleted; lock them instead.");
            }

            var before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true);
            var after = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false);
            changes.Add(new AuditChange(ActionOf(entry), type, id, before, after));
        }

        return changes;
    }

    private static string ActionOf(EntityEntry entry) => (entry.Entity, entry.State) switch
    {
        (Party, EntityState.Added) => "party.registered",
        (Party, _) => "party.changed",
        (Ownership, EntityState.Added) => "ownership.recorded",
        (Ownership, EntityState.Deleted) => "ownership.removed",
        (LicenceApplication, EntityState.Added) => "application.filed",
        (LicenceApplication a, _) => "application." + WireName.Of(a.Status),
        (Licence, EntityState.Added) => "licence.issued",
        (Licence l, _) => entry.Property(nameof(Licence.UsedKg)).IsModified && !entry.Property(nameof(Licence.Status)).IsModified
            ? "licence.drawn"
            : "licence." + (l.History.Count > 0 ? l.History[^1].Action : WireName.Of(l.Status)),
        (LicenceChange, EntityState.Added) => "licence.change-requested",
        (LicenceChange c, _) => "licence.change-" + WireName.Of(c.Status),
        (Shipment, EntityState.Added) => "shipment.declared",
        (Shipment s, _) => "shipment." + (s.History.Count > 0 ? s.History[^1].Action : "changed"),
        (PostShipmentReport, EntityState.Added) => "report.scheduled",
        (PostShipmentReport r, _) => r.FiledAt is not null ? "report.filed" : "report.overdue-raised",
        (PolicyVersionRecord, _) => "policy.loaded",
        (RestrictedList, EntityState.Added) => "list.created",
        (RestrictedList, _) => "list.updated",
        (ListVersion, _) => "list.version-imported",
        (ScreeningHit h, EntityState.Added) => "screening.hit-raised",
        (ScreeningHit h, _) => "screening.hit-" + WireName.Of(h.Review),
        (Clearance, _) => "screening.hit-cleared",
        (RescreenJob j, _) => "screening.rescreen-" + WireName.Of(j.Status),
        (VeuAuthorization, EntityState.Added) => "veu.applied",
        (VeuAuthorization v, _) => "veu." + (v.History.Count > 0 ? v.History[^1].Action : "changed"),
        (VeuCapYear, _) => "veu.cap-opened",
        (VeuDrawdown, _) => "veu.cap-drawn",
        (EndUseCheck, EntityState.Added) => "check.opened",
        (EndUseCheck c, _) => "check." + (c.History.Count > 0 ? c.History[^1].Action : "changed"),
        (ListProposal, EntityState.Added) => "list-proposal.proposed",
        (ListProposal p, _) => "list-proposal." + WireName.Of(p.Status),
        (LodestoneUser, EntityState.Added) => "account.created",
        (LodestoneUser, _) => "account.changed",
        (IdentityRole, _) => "role.created",
        (IdentityUserRole<string>, EntityState.Added) => "account.role-granted",
        (IdentityUserRole<string>, _) => "account.role-revoked",
        _ => $"{entry.Metadata.ClrType.Name.ToLowerInvariant()}.{entry.State.ToString().ToLowerInvariant()}",
    };

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => entry.Entity is not LodestoneUser || AccountFields.Contains(p.Metadata.Name)))
        {
            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                values[$"{complex.Metadata.Name}.{property.Metadata.Name}"] = original ? property.OriginalValue : property.CurrentValue;
            }
        }

        return JsonSerializer.Serialize(values, Conversions.Json);
    }
}
