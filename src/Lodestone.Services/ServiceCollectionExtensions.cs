using Lodestone.Persistence;
using Lodestone.Services.Demo;
using Lodestone.Services.Facts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lodestone.Services;

/// <summary>Registers the services the server and the CLI share.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddLodestoneCore(this IServiceCollection services, LodestoneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Loaded once and validated at start: a broken reference file stops the process with file and line.
        services.AddSingleton(ReferenceData.Load(options));
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<LodestoneDbContext>(o => DatabaseProvider.Configure(o, options.Database));
        services.TryAddScoped<IListScreening, NoRestrictedLists>();
        services.TryAddScoped<IVeuCoverage, NoVeuProgram>();
        services.AddScoped<RoutingFactsBuilder>();
        services.AddScoped<ClassificationService>();
        services.AddScoped<PartyService>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<LicenceService>();
        services.AddScoped<AuditService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
