using System.Security.Claims;
using Lodestone.Persistence;
using Lodestone.Services;

namespace Lodestone.Server.Hosting;

/// <summary>The signed-in user of a request; "system" outside a request (start-up).</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Name => accessor.HttpContext is null ? "system" : User?.Identity?.Name ?? "anonymous";

    public Guid? OrganisationId =>
        Guid.TryParse(User?.FindFirstValue(OrganisationClaimsFactory.OrganisationClaim), out var org) ? org : null;

    public bool IsOrganisationScoped => User is { } user && Roles.OrganisationScoped.Any(user.IsInRole);
}
