using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestone.Persistence.Configurations;

internal sealed class ShipmentConfiguration(bool sqlite) : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("Shipments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Number).HasMaxLength(ShipmentDeclaration.MaxNumberLength).IsRequired();
        builder.HasIndex(s => s.Number).IsUnique();
        builder.HasIndex(s => new { s.Status, s.DeclaredOn });
        builder.HasIndex(s => s.LicenceId);
        builder.HasIndex(s => s.VeuId);
        builder.HasIndex(s => s.ExporterId);
        builder.Property(s => s.DeclaredAt).AsInstant(sqlite);
        builder.Property(s => s.DeclaredBy).HasMaxLength(200);
        builder.Property(s => s.Destination).AsCountry();
        builder.Property(s => s.Facility).HasMaxLength(200);
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.Items).AsJson();
        builder.Property(s => s.QuantityKg).HasPrecision(18, 3);
        builder.Property(s => s.Value).HasPrecision(18, 2);
        builder.Property(s => s.Authorisation).AsWireName();
        builder.Property(s => s.AuthorisationNumber).HasMaxLength(40);
        builder.Property(s => s.Status).AsWireName();
        builder.Property(s => s.Reasons).AsJson();
        builder.Property(s => s.History).AsJson();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsHeld);
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.ExporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.EndUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Licence>().WithMany().HasForeignKey(s => s.LicenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostShipmentReportConfiguration(bool sqlite) : IEntityTypeConfiguration<PostShipmentReport>
{
    public void Configure(EntityTypeBuilder<PostShipmentReport> builder)
    {
        builder.ToTable("PostShipmentReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).AsWireName();
        builder.HasIndex(r => new { r.ShipmentId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.DueOn);
        builder.Property(r => r.FiledAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.Property(r => r.OverdueRaisedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.Property(r => r.FiledBy).HasMaxLength(200);
        builder.Property(r => r.Text).HasMaxLength(PostShipmentReport.MaxTextLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Shipment>().WithMany().HasForeignKey(r => r.ShipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LicenceChangeConfiguration(bool sqlite) : IEntityTypeConfiguration<LicenceChange>
{
    public void Configure(EntityTypeBuilder<LicenceChange> builder)
    {
        builder.ToTable("LicenceChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.LicenceId);
        builder.Property(c => c.Fields).AsJson();
        builder.Property(c => c.Description).HasMaxLength(Licence.MaxReasonLength);
        builder.Property(c => c.Status).AsWireName();
        builder.Property(c => c.RequestedBy).HasMaxLength(200);
        builder.Property(c => c.RequestedAt).AsInstant(sqlite);
        builder.Property(c => c.DecidedBy).HasMaxLength(200);
        builder.Property(c => c.DecidedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.Property(c => c.DecisionReason).HasMaxLength(Licence.MaxReasonLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Licence>().WithMany().HasForeignKey(c => c.LicenceId).OnDelete(DeleteBehavior.Restrict);
    }
}
