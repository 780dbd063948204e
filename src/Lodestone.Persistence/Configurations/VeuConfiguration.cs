using Lodestone.Domain.Parties;
using Lodestone.Domain.Veu;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestone.Persistence.Configurations;

internal sealed class VeuConfiguration(bool sqlite) : IEntityTypeConfiguration<VeuAuthorization>
{
    public void Configure(EntityTypeBuilder<VeuAuthorization> builder)
    {
        builder.ToTable("VeuAuthorizations");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Number).HasMaxLength(40).IsRequired();
        builder.HasIndex(v => v.Number).IsUnique();
        builder.HasIndex(v => new { v.EndUserId, v.Status });
        builder.HasIndex(v => v.Status);
        builder.Property(v => v.Status).AsWireName();
        builder.Property(v => v.EndUse).AsWireName();
        builder.Property(v => v.EndUseDescription).HasMaxLength(VeuAuthorization.MaxTextLength);
        builder.Property(v => v.AppliedBy).HasMaxLength(200);
        builder.Property(v => v.AppliedAt).AsInstant(sqlite);
        builder.Property(v => v.AnnualCapKg).HasPrecision(18, 3);
        builder.Property(v => v.ForecastAnnualKg).HasPrecision(18, 3);
        builder.Property(v => v.ExporterIds).AsJson();
        builder.Property(v => v.Facilities).AsJson();
        builder.Property(v => v.ControlCodes).AsJson();
        builder.Property(v => v.Documents).AsJson();
        builder.Property(v => v.Panel).AsJson();
        builder.Property(v => v.Votes).AsJson();
        builder.Property(v => v.Findings).AsJson();
        builder.Property(v => v.InformationRequests).AsJson();
        builder.Property(v => v.History).AsJson();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Ignore(v => v.Scope);
        builder.Ignore(v => v.CurrentVotes);
        builder.Ignore(v => v.PendingMembers);
        builder.HasOne<Party>().WithMany().HasForeignKey(v => v.EndUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VeuCapYearConfiguration : IEntityTypeConfiguration<VeuCapYear>
{
    public void Configure(EntityTypeBuilder<VeuCapYear> builder)
    {
        builder.ToTable("VeuCapYears");
        builder.HasKey(c => new { c.VeuId, c.Year });
        builder.Ignore(c => c.DrawnKg);
        builder.HasOne<VeuAuthorization>().WithMany().HasForeignKey(c => c.VeuId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VeuDrawdownConfiguration : IEntityTypeConfiguration<VeuDrawdown>
{
    public void Configure(EntityTypeBuilder<VeuDrawdown> builder)
    {
        builder.ToTable("VeuDrawdowns");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.QuantityKg).HasPrecision(18, 3);
        builder.HasIndex(d => new { d.VeuId, d.On });
        builder.HasIndex(d => d.ApplicationId).IsUnique();
        builder.HasOne<VeuAuthorization>().WithMany().HasForeignKey(d => d.VeuId).OnDelete(DeleteBehavior.Restrict);
    }
}
