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
        builder.Services.AddLodestoneAuth(builder.Configuration);
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AddPageApplicationModelConvention("/Account/Login", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(AuthSetup.SignInLimit)));
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddScoped<IdempotencyFilter>();
        builder.Services.AddHostedService<RescreenWorker>();
        builder.Services.AddHostedService<VeuExpiryWorker>();
        builder.Services.AddHostedService<ObligationsWorker>();
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
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var admin = await accounts.EnsureAdminAsync(app.Configuration["LODESTONE_ADMIN_EMAIL"], app.Configuration["LODESTONE_ADMIN_PASSWORD"]);
        if (admin is { GeneratedPassword: { } generated } created)
        {
            // Printed once, to the console only (not the log sink): set LODESTONE_ADMIN_PASSWORD to choose it.
            Console.WriteLine($"Created the administrator account {created.Email} with password: {generated}");
        }

        if (options.SeedDemo)
        {
            var seeded = await initializer.SeedDemoIfEmptyAsync(options, progress: null, app.Lifetime.ApplicationStopping);
            if (seeded is not null)
            {
                log.LogInformation("Loaded synthetic demo data: {Parties} parties, {Applications} applications, {Licences} licences, {Shipments} shipments", seeded.Parties, seeded.Applications, seeded.Licences, seeded.Shipments);
            }

            if (!app.Environment.IsProduction())
            {
                var demo = await accounts.EnsureDemoAccountsAsync();
                if (demo.Count > 0)
                {
                    log.LogInformation("Created {Count} demo accounts (one per role, passwords in the README)", demo.Count);
                }
            }
        }
    }

    public static WebApplication UseLodestoneServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Public: the API's description and the health probe. Everything else needs a signed-in account.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Lodestone API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();
        api.MapPartiesApi();
        api.MapClassificationsApi();
        api.MapApplicationsApi();
        api.MapLicencesApi();
        api.MapControlListApi();
        api.MapAuditApi();
        api.MapScreeningApi();
        api.MapListsApi();
        api.MapVeuApi();
        api.MapShipmentsApi();
        api.MapAnalyticsApi();
        api.MapEndUseChecksApi();

        app.MapRazorPages();
        return app;
    }
}
