using Lodestone.Domain.Checks;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestone.Persistence.Configurations;

internal sealed class EndUseCheckConfiguration(bool sqlite) : IEntityTypeConfiguration<EndUseCheck>
{
    public void Configure(EntityTypeBuilder<EndUseCheck> builder)
    {
        builder.ToTable("EndUseChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.Status, c.Deadline });
        builder.HasIndex(c => c.PartyId);
        builder.Property(c => c.Kind).AsWireName();
        builder.Property(c => c.Role).AsWireName();
        builder.Property(c => c.Status).AsWireName();
        builder.Property(c => c.Reason).HasMaxLength(EndUseCheck.MaxTextLength);
        builder.Property(c => c.Findings).HasMaxLength(EndUseCheck.MaxTextLength);
        builder.Property(c => c.OpenedBy).HasMaxLength(200);
        builder.Property(c => c.OpenedAt).AsInstant(sqlite);
        builder.Property(c => c.History).AsJson();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsDecided);
        builder.HasOne<Party>().WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Licence>().WithMany().HasForeignKey(c => c.LicenceId).OnDelete(DeleteBehavior.Restrict);

        // ShipmentId is a reference without a foreign key: shipments live in their own module.
    }
}

internal sealed class ListProposalConfiguration(bool sqlite) : IEntityTypeConfiguration<ListProposal>
{
    public void Configure(EntityTypeBuilder<ListProposal> builder)
    {
        builder.ToTable("ListProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ListId).HasMaxLength(RestrictedList.MaxIdLength);
        builder.Property(p => p.Grounds).HasMaxLength(EndUseCheck.MaxTextLength);
        builder.Property(p => p.Status).AsWireName();
        builder.Property(p => p.ProposedBy).HasMaxLength(200);
        builder.Property(p => p.DecidedBy).HasMaxLength(200);
        builder.Property(p => p.DecisionReason).HasMaxLength(EndUseCheck.MaxTextLength);
        builder.Property(p => p.ProposedAt).AsInstant(sqlite);
        builder.Property(p => p.DecidedAt).HasConversion(sqlite ? new DateTimeOffsetToBinaryConverter() : null);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Status);
        builder.HasIndex(p => p.CheckId).IsUnique();
        builder.HasOne<EndUseCheck>().WithMany().HasForeignKey(p => p.CheckId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RestrictedList>().WithMany().HasForeignKey(p => p.ListId).OnDelete(DeleteBehavior.Restrict);
    }
}
