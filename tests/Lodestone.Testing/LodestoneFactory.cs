using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lodestone.Testing;

/// <summary>The real server, on a database of the test's choosing, with a clock the test controls.</summary>
public sealed class LodestoneFactory(string database, bool seedDemo, FakeTimeProvider clock) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Lodestone:Database", database);
        builder.UseSetting("Lodestone:SeedDemo", seedDemo ? "true" : "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
