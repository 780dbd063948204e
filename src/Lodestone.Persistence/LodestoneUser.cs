using Microsoft.AspNetCore.Identity;

namespace Lodestone.Persistence;

/// <summary>An account. Exporter and end-user accounts belong to one organisation (a party) and see only its data.</summary>
public sealed class LodestoneUser : IdentityUser
{
    /// <summary>The organisation (party) of an exporter or end-user account.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>A demo account: refused at sign-in when the environment is Production.</summary>
    public bool IsDemo { get; set; }
}
