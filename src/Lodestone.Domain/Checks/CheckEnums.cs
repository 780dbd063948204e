namespace Lodestone.Domain.Checks;

/// <summary>How an end-use check is carried out (Dual-Use Items Regulations arts. 17 and 26).</summary>
public enum EndUseCheckKind
{
    /// <summary>The importer or end user is asked for documents (EUC, contracts, ledgers, photos of the line).</summary>
    Document,

    /// <summary>A visit to the importer's or end user's site.</summary>
    OnSite,
}

/// <summary>Which party of the export is checked.</summary>
public enum CheckedRole
{
    /// <summary>The importer (consignee).</summary>
    Importer,

    /// <summary>The end user.</summary>
    EndUser,
}

/// <summary>
/// Where an end-use check stands (domain.md §4.2):
/// <c>open → documents-requested → verified | non-cooperative | violation</c>.
/// </summary>
public enum EndUseCheckStatus
{
    /// <summary>Opened; nothing asked of the party yet.</summary>
    Open,

    /// <summary>Documents (or access to the site) requested; waiting for the party until the deadline.</summary>
    DocumentsRequested,

    /// <summary>The end use was verified as declared. Final.</summary>
    Verified,

    /// <summary>The party did not cooperate by the deadline; it goes on the watch list (art. 26). Final.</summary>
    NonCooperative,

    /// <summary>A breach of the end-use or end-user commitments was found; the control list is proposed (art. 28). Final.</summary>
    Violation,
}

/// <summary>Where a proposal to list a party stands.</summary>
public enum ListProposalStatus
{
    /// <summary>Waiting for a policy administrator.</summary>
    Pending,

    /// <summary>Confirmed: the party is on the list from the version recorded.</summary>
    Confirmed,

    /// <summary>Rejected: the list is unchanged.</summary>
    Rejected,
}
