using Lodestone.Persistence;
using Lodestone.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lodestone.Server.Apis;

/// <summary>Bearer tokens for the API and scripts.</summary>
internal static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentication");
        group.MapPost("/token", IssueAsync).WithName("IssueToken").AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit)
            .WithSummary("Exchanges an e-mail and password for a bearer token (send it as 'Authorization: Bearer …').");
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueAsync(
        TokenRequest request,
        UserManager<LodestoneUser> users,
        SignInManager<LodestoneUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer,
        IHostEnvironment environment,
        TimeProvider time)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        var refusal = await SignInChecks.CheckAsync(user, request.Password, signIn, environment);
        if (refusal is not null)
        {
            return TypedResults.Problem(detail: refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        var expires = time.GetUtcNow() + AuthSetup.TokenLifetime;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme);
        var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, expires));
    }
}

/// <summary>The checks shared by the token endpoint and the sign-in page.</summary>
internal static class SignInChecks
{
    /// <summary>Null when the password is right and the account may sign in; otherwise why not (without saying which part was wrong).</summary>
    public static async Task<string?> CheckAsync(LodestoneUser? user, string? password, SignInManager<LodestoneUser> signIn, IHostEnvironment environment)
    {
        if (user is null || string.IsNullOrEmpty(password))
        {
            return "Wrong e-mail or password.";
        }

        if (user.IsDemo && environment.IsProduction())
        {
            return "Demo accounts cannot sign in to a production system.";
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result switch
        {
            { Succeeded: true } => null,
            { IsLockedOut: true } => "Too many failed attempts: the account is locked for 15 minutes.",
            _ => "Wrong e-mail or password.",
        };
    }
}
