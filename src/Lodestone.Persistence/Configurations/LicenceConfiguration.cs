using Lodestone.Domain.Applications;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestone.Persistence.Configurations;

internal sealed class LicenceConfiguration(bool sqlite) : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.ToTable("Licences");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Number).HasMaxLength(40).IsRequired();
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => l.ApplicationId).IsUnique();
        builder.Property(l => l.Type).AsWireName();
        builder.Property(l => l.Status).AsWireName();
        builder.Property(l => l.Destination).AsCountry();
        builder.Property(l => l.Currency).HasMaxLength(3).IsFixedLength();
        builder.ComplexProperty(l => l.EndUse, e =>
        {
            e.Property(x => x.Category).AsWireName().HasColumnName("EndUseCategory");
            e.Property(x => x.Description).HasMaxLength(4000).HasColumnName("EndUseDescription");
        });
        builder.Property(l => l.Items).AsJson();
        builder.Property(l => l.RuleIds).AsJson();
        builder.Property(l => l.QuantityKg).HasPrecision(18, 3);
        builder.Property(l => l.UsedKg).HasPrecision(18, 3);
        builder.Property(l => l.Value).HasPrecision(18, 2);
        builder.Property(l => l.UsedValue).HasPrecision(18, 2);
        builder.Property(l => l.PolicyVersion).HasMaxLength(40);
        builder.Property(l => l.IssuedBy).HasMaxLength(200);
        builder.Property(l => l.IssuedAt).AsInstant(sqlite);
        builder.Property(l => l.Suspension).AsJson();
        builder.Property(l => l.History).AsJson();
        builder.HasIndex(l => new { l.Status, l.ValidUntil });
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.RemainingKg);
        builder.Ignore(l => l.RemainingValue);
        builder.HasOne<LicenceApplication>().WithOne().HasForeignKey<Licence>(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(l => l.ExporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(l => l.EndUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PolicyVersionConfiguration(bool sqlite) : IEntityTypeConfiguration<PolicyVersionRecord>
{
    public void Configure(EntityTypeBuilder<PolicyVersionRecord> builder)
    {
        builder.ToTable("PolicyVersions");
        builder.HasKey(p => p.Sha256);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.Version).HasMaxLength(40);
        builder.Property(p => p.FirstLoadedAt).AsInstant(sqlite);
        builder.HasIndex(p => p.Version);
    }
}
