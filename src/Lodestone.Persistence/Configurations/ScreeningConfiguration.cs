using Lodestone.Domain.Parties;
using Lodestone.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestone.Persistence.Configurations;

internal sealed class RestrictedListConfiguration(bool sqlite) : IEntityTypeConfiguration<RestrictedList>
{
    public void Configure(EntityTypeBuilder<RestrictedList> builder)
    {
        builder.ToTable("RestrictedLists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(RestrictedList.MaxIdLength).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Authority).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Kind).AsWireName();
        builder.Property(l => l.Description).HasMaxLength(4000);
        builder.Property(l => l.UpdatedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);

        // Two imports into one list at once: the second fails instead of both claiming the same number.
        builder.Property(l => l.CurrentVersion).IsConcurrencyToken();
    }
}

internal sealed class ListVersionConfiguration(bool sqlite) : IEntityTypeConfiguration<ListVersion>
{
    public void Configure(EntityTypeBuilder<ListVersion> builder)
    {
        builder.ToTable("ListVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ListId).HasMaxLength(RestrictedList.MaxIdLength);
        builder.HasIndex(v => new { v.ListId, v.Number }).IsUnique();
        builder.Property(v => v.ImportedAt).AsInstant(sqlite);
        builder.Property(v => v.ImportedBy).HasMaxLength(200);
        builder.Property(v => v.Format).HasMaxLength(20);
        builder.Property(v => v.FileName).HasMaxLength(260);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.Changes).AsJson();
        builder.HasOne<RestrictedList>().WithMany().HasForeignKey(v => v.ListId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredListEntryConfiguration : IEntityTypeConfiguration<StoredListEntry>
{
    public void Configure(EntityTypeBuilder<StoredListEntry> builder)
    {
        builder.ToTable("ListEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ListId).HasMaxLength(RestrictedList.MaxIdLength);
        builder.Property(e => e.EntryId).HasMaxLength(200);
        builder.Property(e => e.Fingerprint).HasMaxLength(64);
        builder.Property(e => e.Name).HasMaxLength(4000).IsRequired();
        builder.Property(e => e.ChineseName).HasMaxLength(4000);
        builder.Property(e => e.Aliases).AsJson();
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.Type).HasMaxLength(20);
        builder.Property(e => e.Measures).HasMaxLength(4000);
        builder.Property(e => e.SourceUrl).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ListId, e.EntryId, e.FromVersion }).IsUnique();
        builder.HasIndex(e => new { e.ListId, e.ToVersion });
        builder.HasOne<RestrictedList>().WithMany().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScreeningHitConfiguration(bool sqlite) : IEntityTypeConfiguration<ScreeningHit>
{
    public void Configure(EntityTypeBuilder<ScreeningHit> builder)
    {
        builder.ToTable("ScreeningHits");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.ListId).HasMaxLength(RestrictedList.MaxIdLength);
        builder.Property(h => h.Kind).AsWireName();
        builder.Property(h => h.EntryId).HasMaxLength(200);
        builder.Property(h => h.EntryName).HasMaxLength(4000);
        builder.Property(h => h.EntryFingerprint).HasMaxLength(64);
        builder.Property(h => h.Summary).HasMaxLength(4000);
        builder.Property(h => h.Trigger).HasMaxLength(200);
        builder.Property(h => h.Review).AsWireName();
        builder.Property(h => h.ReviewedBy).HasMaxLength(200);
        builder.Property(h => h.ReviewReason).HasMaxLength(2000);
        builder.Property(h => h.FirstSeenAt).AsInstant(sqlite);
        builder.Property(h => h.LastScreenedAt).AsInstant(sqlite);
        builder.Property(h => h.ReviewedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.Ignore(h => h.Effective);
        builder.HasIndex(h => new { h.PartyId, h.ListId, h.EntryId }).IsUnique();
        builder.HasIndex(h => new { h.Current, h.Review });
        builder.HasOne<Party>().WithMany().HasForeignKey(h => h.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClearanceConfiguration(bool sqlite) : IEntityTypeConfiguration<Clearance>
{
    public void Configure(EntityTypeBuilder<Clearance> builder)
    {
        builder.ToTable("Clearances");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ListId).HasMaxLength(RestrictedList.MaxIdLength);
        builder.Property(c => c.EntryId).HasMaxLength(200);
        builder.Property(c => c.EntryFingerprint).HasMaxLength(64);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.ClearedBy).HasMaxLength(200);
        builder.Property(c => c.ClearedAt).AsInstant(sqlite);
        builder.HasIndex(c => new { c.PartyId, c.ListId, c.EntryId });
        builder.HasOne<Party>().WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RescreenJobConfiguration(bool sqlite) : IEntityTypeConfiguration<RescreenJob>
{
    public void Configure(EntityTypeBuilder<RescreenJob> builder)
    {
        builder.ToTable("RescreenJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Reason).HasMaxLength(400);
        builder.Property(j => j.Status).AsWireName();
        builder.Property(j => j.ClaimedBy).HasMaxLength(200);
        builder.Property(j => j.RequestedAt).AsInstant(sqlite);
        builder.Property(j => j.ClaimedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.Property(j => j.CompletedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.HasIndex(j => j.Status);
    }
}
