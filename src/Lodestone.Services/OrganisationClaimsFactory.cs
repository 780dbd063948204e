using System.Security.Claims;
using Lodestone.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lodestone.Services;

/// <summary>Adds the account's organisation to its sign-in claims, next to its roles.</summary>
public sealed class OrganisationClaimsFactory(UserManager<LodestoneUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LodestoneUser, IdentityRole>(users, roles, options)
{
    public const string OrganisationClaim = "lodestone:org";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LodestoneUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } org)
        {
            identity.AddClaim(new Claim(OrganisationClaim, org.ToString("D")));
        }

        return identity;
    }
}
