using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestone.Persistence.Configurations;

internal sealed class ExportMonthConfiguration : IEntityTypeConfiguration<ExportMonth>
{
    public void Configure(EntityTypeBuilder<ExportMonth> builder)
    {
        builder.ToTable("ExportMonths");
        builder.HasKey(e => new { e.Month, e.Destination, e.ControlCode, e.Sector, e.Authorisation, e.Source });
        builder.Property(e => e.Destination).HasMaxLength(2);
        builder.Property(e => e.ControlCode).HasMaxLength(40);
        builder.Property(e => e.Sector).HasMaxLength(40);
        builder.Property(e => e.Authorisation).HasMaxLength(20);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.HasIndex(e => new { e.Destination, e.Month });
    }
}
