using Lodestone.Persistence;
using Lodestone.Services.Checks;
using Lodestone.Services.Demo;
using Lodestone.Services.Facts;
using Lodestone.Services.Screening;
using Lodestone.Services.Shipments;
using Lodestone.Services.Veu;
using Microsoft.AspNetCore.Identity;
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
        services.AddSingleton<ScreeningIndexCache>();
        services.AddScoped<PartyRisk>();
        services.AddScoped<PartyScreeningService>();
        services.AddScoped<NameScreeningService>();
        services.AddScoped<ListCatalogService>();
        services.AddScoped<RescreenRunner>();
        services.AddScoped<DefaultLists>();
        services.AddScoped<IVeuCoverage, VeuCoverageService>();
        services.AddScoped<VeuCaps>();
        services.AddScoped<VeuService>();
        services.AddScoped<VeuVetting>();
        services.AddScoped<VeuReviews>();
        services.AddScoped<VeuRegister>();
        services.AddScoped<ICommitteePanel, CommitteeAccounts>();
        services.AddScoped<RoutingFactsBuilder>();
        services.AddScoped<ClassificationService>();
        services.AddScoped<PartyService>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<LicenceService>();
        services.AddScoped<ShipmentService>();
        services.AddScoped<Analytics.ExportRollups>();
        services.AddScoped<Analytics.DecisionRollups>();
        services.AddScoped<Analytics.PolicyReplayService>();
        services.AddScoped<Analytics.AnalyticsService>();
        services.AddScoped<ReportService>();
        services.AddScoped<AuditService>();
        services.AddScoped<AccountService>();
        services.AddScoped<CheckListings>();
        services.AddScoped<EndUseCheckService>();
        services.AddScoped<ListProposalService>();

        // Accounts: ASVS 6.2 (length over composition rules) and 6.3.1 (anti-brute-force lockout).
        services.AddIdentityCore<LodestoneUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LodestoneDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OrganisationClaimsFactory>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
