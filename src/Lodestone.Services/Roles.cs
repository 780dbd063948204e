namespace Lodestone.Services;

/// <summary>The roles of Lodestone's accounts.</summary>
public static class Roles
{
    /// <summary>Files applications for its organisation (a Chinese exporter).</summary>
    public const string Exporter = "exporter";

    /// <summary>A foreign end user: sees the applications and licences naming its organisation.</summary>
    public const string EndUser = "end-user";

    /// <summary>Reviews applications: clock stops and decisions.</summary>
    public const string Officer = "officer";

    /// <summary>Votes on VEU grants.</summary>
    public const string Committee = "committee";

    /// <summary>Maintains policies, lists and the party registry's ownership links.</summary>
    public const string PolicyAdmin = "policy-admin";

    /// <summary>Reads everything and verifies the audit trail; changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Sees aggregates only.</summary>
    public const string Analyst = "analyst";

    /// <summary>Manages accounts.</summary>
    public const string Admin = "admin";

    /// <summary>All roles.</summary>
    public static readonly IReadOnlyList<string> All = [Exporter, EndUser, Officer, Committee, PolicyAdmin, Auditor, Analyst, Admin];

    /// <summary>Roles confined to their organisation's data.</summary>
    public static readonly IReadOnlyList<string> OrganisationScoped = [Exporter, EndUser];
}
