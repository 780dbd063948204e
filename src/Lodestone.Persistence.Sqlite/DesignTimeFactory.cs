using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lodestone.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LodestoneDbContext>
{
    public LodestoneDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LodestoneDbContext>();
        DatabaseProvider.Configure(options, "design-time.db");
        return new LodestoneDbContext(options.Options);
    }
}
