namespace Lodestone.Domain.Veu;

/// <summary>
/// Where a validated end-user authorisation stands (domain.md §4.2):
/// <c>applied → vetting → active → under-review → active | suspended → revoked</c>, or <c>expired</c> at
/// the end of validity; <c>refused</c> when the committee does not grant it.
/// </summary>
public enum VeuStatus
{
    /// <summary>Filed; an officer has not yet opened vetting.</summary>
    Applied,

    /// <summary>Screened and before the committee, which votes.</summary>
    Vetting,

    /// <summary>Granted: exports within its scope are fast-tracked.</summary>
    Active,

    /// <summary>A new list hit, an ownership change or an overdue report put it back before the officers; nothing is fast-tracked meanwhile.</summary>
    UnderReview,

    /// <summary>Suspended by an officer; reinstated or revoked.</summary>
    Suspended,

    /// <summary>Revoked by a majority of the committee. Final.</summary>
    Revoked,

    /// <summary>Past its validity. Final.</summary>
    Expired,

    /// <summary>The committee did not grant it unanimously. Final.</summary>
    Refused,
}

/// <summary>The documents a VEU application carries (15 CFR §748.15(a); Dual-Use Items Regulations arts. 16, 24).</summary>
public enum VeuDocumentKind
{
    /// <summary>End-user certificate with the no-diversion and no-transfer commitment.</summary>
    EndUserCertificate,

    /// <summary>The end user's internal compliance programme.</summary>
    ComplianceProgramme,

    /// <summary>Ownership chart up to the ultimate owners.</summary>
    OwnershipChart,

    /// <summary>Consent to on-site checks.</summary>
    OnSiteConsent,
}

/// <summary>A committee member's vote.</summary>
public enum VoteChoice
{
    /// <summary>Grant (in vetting) or keep (in a removal review).</summary>
    Grant,

    /// <summary>Deny (in vetting) or remove (in a removal review).</summary>
    Deny,
}

/// <summary>What a vote decides.</summary>
public enum VotePurpose
{
    /// <summary>Whether to grant: unanimity is needed.</summary>
    Grant,

    /// <summary>Whether to revoke: a majority is needed.</summary>
    Removal,
}
