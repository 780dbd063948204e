using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lodestone.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LodestoneDbContext>
{
    public LodestoneDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LodestoneDbContext>();
        DatabaseProvider.Configure(options, "Host=localhost;Database=lodestone_design;Username=lodestone");
        return new LodestoneDbContext(options.Options);
    }
}
