using Lodestone.Domain.Applications;
using Lodestone.Domain.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestone.Persistence.Configurations;

internal sealed class ApplicationConfiguration(bool sqlite) : IEntityTypeConfiguration<LicenceApplication>
{
    public void Configure(EntityTypeBuilder<LicenceApplication> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Number).HasMaxLength(40).IsRequired();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Channel).AsWireName();
        builder.Property(a => a.Status).AsWireName();
        builder.Property(a => a.Lane).AsWireName();
        builder.Property(a => a.Destination).AsCountry();
        builder.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        builder.ComplexProperty(a => a.EndUse, e =>
        {
            e.Property(x => x.Category).AsWireName().HasColumnName("EndUseCategory");
            e.Property(x => x.Description).HasMaxLength(4000).HasColumnName("EndUseDescription");
        });
        builder.Property(a => a.Items).AsJson();
        builder.Property(a => a.Documents).AsJson();
        builder.Property(a => a.RuleIds).AsJson();
        builder.Property(a => a.Facility).HasMaxLength(200);
        builder.HasIndex(a => a.VeuId);
        builder.Property(a => a.Reasons).AsJson();
        builder.Property(a => a.RoutedOn).AsJson();
        builder.Property(a => a.ClockStops).AsJson();
        builder.Property(a => a.Decision).AsJson();
        builder.Property(a => a.PolicyVersion).HasMaxLength(40);
        builder.Property(a => a.SubmittedAt).AsInstant(sqlite);
        builder.Property(a => a.WithdrawnAt).HasConversion(
            sqlite ? new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter() : null);
        builder.Property(a => a.WithdrawnBy).HasMaxLength(200);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(4000);

        // Two officers deciding at once: the second save fails instead of overwriting the first.
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.ExporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.ConsigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.EndUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Status, a.DueDate });
        builder.HasIndex(a => a.Lane);
        builder.HasIndex(a => a.SubmittedAt);
    }
}
