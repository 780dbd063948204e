using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lodestone.Testing;

/// <summary>The real server, on a database of the test's choosing, with a clock the test controls.</summary>
public sealed class LodestoneFactory(string database, bool seedDemo, FakeTimeProvider clock) : WebApplicationFactory<Program>
{
    /// <summary>The administrator's password in tests.</summary>
    public const string AdminPassword = "test-admin-password";

    /// <summary>The environment the server runs in (Production refuses demo accounts).</summary>
    public string Environment { get; set; } = "Testing";

    public FakeTimeProvider Clock { get; } = clock;

    /// <summary>Extra configuration (e.g. <c>Lodestone:AuditKeyFile</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("LODESTONE_ADMIN_EMAIL", "admin@lodestone.test");
        builder.UseSetting("LODESTONE_ADMIN_PASSWORD", AdminPassword);

        // Many tests sign in; the sign-in rate limit has a test of its own.
        builder.UseSetting("Lodestone:SignInPermitsPerMinute", "100000");
        builder.UseSetting("Lodestone:Database", database);

        // Tests wait for background re-screening; poll often so they wait little.
        builder.UseSetting("Lodestone:RescreenPollSeconds", "1");
        builder.UseSetting("Lodestone:SeedDemo", seedDemo ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
