using System.Threading.RateLimiting;
using Lodestone.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Lodestone.Server.Hosting;

/// <summary>Authentication (cookies for pages, bearer tokens for scripts), role policies and rate limits.</summary>
internal static class AuthSetup
{
    /// <summary>Picks cookie or bearer per request.</summary>
    public const string Scheme = "lodestone";

    /// <summary>The rate-limit policy of the sign-in and token endpoints.</summary>
    public const string SignInLimit = "sign-in";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddLodestoneAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // One key ring for every instance, kept in the database, so a cookie or token issued by one
        // instance is accepted by the others.
        services.AddDataProtection().PersistKeysToDbContext<Persistence.LodestoneDbContext>().SetApplicationName("Lodestone");

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "lodestone.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;

                // The API answers 401/403, never a redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TokenLifetime);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Fileapplications, p => p.RequireRole(Roles.Exporter))
            .AddPolicy(Policies.ReadCases, p => p.RequireRole(Roles.Exporter, Roles.EndUser, Roles.Officer, Roles.Committee, Roles.PolicyAdmin, Roles.Auditor))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Officer))
            .AddPolicy(Policies.RegisterParties, p => p.RequireRole(Roles.Exporter, Roles.Officer, Roles.PolicyAdmin))
            .AddPolicy(Policies.Ownership, p => p.RequireRole(Roles.Officer, Roles.PolicyAdmin))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.ManageLists, p => p.RequireRole(Roles.PolicyAdmin))
            .AddPolicy(Policies.ReadHits, p => p.RequireRole(Roles.Officer, Roles.PolicyAdmin, Roles.Auditor))
            .AddPolicy(Policies.ApplyVeu, p => p.RequireRole(Roles.Exporter, Roles.EndUser))
            .AddPolicy(Policies.AnswerVeu, p => p.RequireRole(Roles.Exporter, Roles.EndUser, Roles.Officer))
            .AddPolicy(Policies.ReadVeu, p => p.RequireRole(Roles.Exporter, Roles.EndUser, Roles.Officer, Roles.Committee, Roles.Auditor))
            .AddPolicy(Policies.Committee, p => p.RequireRole(Roles.Committee))
            .AddPolicy(Policies.Analytics, p => p.RequireRole(Roles.Analyst, Roles.Officer, Roles.PolicyAdmin, Roles.Auditor))
            .AddPolicy(Policies.ReadChecks, p => p.RequireRole(Roles.Officer, Roles.PolicyAdmin, Roles.Auditor));

        var permits = configuration.GetValue("Lodestone:SignInPermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Authorization policy names.</summary>
internal static class Policies
{
    public const string Fileapplications = "file-applications";
    public const string ReadCases = "read-cases";
    public const string Review = "review";
    public const string RegisterParties = "register-parties";
    public const string Ownership = "ownership";
    public const string Audit = "audit";
    public const string ManageLists = "manage-lists";
    public const string ReadHits = "read-hits";

    /// <summary>Apply for a VEU: exporters and end users.</summary>
    public const string ApplyVeu = "apply-veu";

    /// <summary>Answer a request for information on a VEU: its applicant, or an officer recording an answer.</summary>
    public const string AnswerVeu = "answer-veu";

    /// <summary>Read VEUs beyond the public register: their organisations, officers, the committee, auditors.</summary>
    public const string ReadVeu = "read-veu";

    /// <summary>Vote on VEUs.</summary>
    public const string Committee = "committee";

    /// <summary>Read aggregates of export flows: analysts (who see nothing finer), officers, policy administrators, auditors.</summary>
    public const string Analytics = "analytics";

    /// <summary>
    /// Read end-use checks and list proposals: officers (who run them), policy administrators (who confirm
    /// listings) and auditors. Not the exporters or end users: a check is the authority's business until its outcome reaches a public list.
    /// </summary>
    public const string ReadChecks = "read-checks";
}
