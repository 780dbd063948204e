using Lodestone.Domain.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestone.Persistence.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("Parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(400).IsRequired();
        builder.Property(p => p.ChineseName).HasMaxLength(400);
        builder.Property(p => p.Country).AsCountry();
        builder.Property(p => p.Kind).AsWireName();
        builder.Property(p => p.Aliases).AsJson();
        builder.Property(p => p.Sectors).AsJson();
        builder.Property(p => p.Roles).AsJson();
        builder.Property(p => p.Facilities).AsJson();
        builder.Ignore(p => p.IsDefence);
        builder.HasIndex(p => p.Name);
    }
}

internal sealed class OwnershipConfiguration : IEntityTypeConfiguration<Ownership>
{
    public void Configure(EntityTypeBuilder<Ownership> builder)
    {
        builder.ToTable("Ownerships");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Percent).HasPrecision(7, 4);
        builder.HasIndex(o => new { o.OwnerId, o.OwnedId }).IsUnique();
        builder.HasIndex(o => o.OwnedId);
        builder.HasOne<Party>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(o => o.OwnedId).OnDelete(DeleteBehavior.Restrict);
    }
}
