namespace Lodestone.Persistence;

/// <summary>
/// Who is acting: the signed-in user on the server, the OS user in the CLI. The audit trail records it
/// with every change.
/// </summary>
public interface ICurrentActor
{
    /// <summary>A stable name for the actor (user name, <c>cli:alice</c>, <c>system</c>).</summary>
    string Name { get; }

    /// <summary>The organisation (party) the actor belongs to, if any.</summary>
    Guid? OrganisationId { get; }

    /// <summary>
    /// True for exporter and end-user accounts: they see and act only on their organisation's data
    /// (OWASP ASVS 8.2.2, 8.4.1). Officers, auditors and the CLI are not scoped.
    /// </summary>
    bool IsOrganisationScoped { get; }
}

/// <summary>A fixed actor, for the CLI, the seeder and tests.</summary>
public sealed class FixedActor(string name, Guid? organisationId = null, bool organisationScoped = false) : ICurrentActor
{
    /// <summary>The actor used when nobody in particular acts (migrations, start-up).</summary>
    public static readonly FixedActor System = new("system");

    public string Name { get; } = name;

    public Guid? OrganisationId { get; } = organisationId;

    public bool IsOrganisationScoped { get; } = organisationScoped;
}
