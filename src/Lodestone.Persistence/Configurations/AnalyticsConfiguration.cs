using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestone.Persistence.Configurations;

internal sealed class ExportTotalConfiguration : IEntityTypeConfiguration<ExportTotal>
{
    public void Configure(EntityTypeBuilder<ExportTotal> builder)
    {
        builder.ToTable("ExportTotals");
        builder.HasKey(e => new { e.Grain, e.PeriodStart, e.Destination, e.ControlCode, e.Sector, e.Authorisation, e.Source });
        builder.Property(e => e.Grain).HasMaxLength(5);
        builder.Property(e => e.Destination).HasMaxLength(2);
        builder.Property(e => e.ControlCode).HasMaxLength(40);
        builder.Property(e => e.Sector).HasMaxLength(40);
        builder.Property(e => e.Authorisation).HasMaxLength(20);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.HasIndex(e => new { e.Grain, e.Destination, e.PeriodStart });
    }
}

internal sealed class DecisionTotalConfiguration : IEntityTypeConfiguration<DecisionTotal>
{
    public void Configure(EntityTypeBuilder<DecisionTotal> builder)
    {
        builder.ToTable("DecisionTotals");
        builder.HasKey(e => new { e.Grain, e.PeriodStart, e.Destination, e.ControlCode, e.Sector, e.Lane, e.Outcome });
        builder.Property(e => e.Grain).HasMaxLength(5);
        builder.Property(e => e.Destination).HasMaxLength(2);
        builder.Property(e => e.ControlCode).HasMaxLength(40);
        builder.Property(e => e.Sector).HasMaxLength(40);
        builder.Property(e => e.Lane).HasMaxLength(40);
        builder.Property(e => e.Outcome).HasMaxLength(20);
        builder.HasIndex(e => new { e.Grain, e.Destination, e.PeriodStart });
    }
}

internal sealed class ProcessingTimeConfiguration : IEntityTypeConfiguration<ProcessingTime>
{
    public void Configure(EntityTypeBuilder<ProcessingTime> builder)
    {
        builder.ToTable("ProcessingTimes");
        builder.HasKey(e => new { e.Grain, e.PeriodStart, e.Destination, e.Lane, e.WorkingDays });
        builder.Property(e => e.Grain).HasMaxLength(5);
        builder.Property(e => e.Destination).HasMaxLength(2);
        builder.Property(e => e.Lane).HasMaxLength(40);
    }
}
