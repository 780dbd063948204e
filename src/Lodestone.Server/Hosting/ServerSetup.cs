using Lodestone.Persistence;
using Lodestone.Server.Apis;
using Lodestone.Services;
using Scalar.AspNetCore;

namespace Lodestone.Server.Hosting;

/// <summary>Wires the server: services, middleware and endpoints.</summary>
internal static class ServerSetup
{
    public static WebApplicationBuilder AddLodestoneServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LodestoneOptions.Section).Get<LodestoneOptions>() ?? new LodestoneOptions();
        builder.Services.AddLodestoneCore(options);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentActor, HttpActor>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.AddRazorPages();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddScoped<IdempotencyFilter>();
        return builder;
    }

    /// <summary>Migrates the database and loads the demo on first start, before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<LodestoneOptions>();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Lodestone.Startup");
        await initializer.MigrateAsync(app.Lifetime.ApplicationStopping);
        if (options.SeedDemo)
        {
            var seeded = await initializer.SeedDemoIfEmptyAsync(options, progress: null, app.Lifetime.ApplicationStopping);
            if (seeded is not null)
            {
                log.LogInformation("Loaded synthetic demo data: {Parties} parties, {Applications} applications, {Licences} licences", seeded.Parties, seeded.Applications, seeded.Licences);
            }
        }
    }

    public static WebApplication UseLodestoneServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Lodestone API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health");

        var api = app.MapGroup("/api/v1");
        api.MapPartiesApi();
        api.MapClassificationsApi();
        api.MapApplicationsApi();
        api.MapLicencesApi();
        api.MapControlListApi();
        api.MapAuditApi();

        app.MapRazorPages();
        return app;
    }
}
