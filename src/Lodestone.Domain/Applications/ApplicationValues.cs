using Lodestone.Domain.Classification;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Applications;

/// <summary>The licensing channel (Dual-Use Items Regulations art. 15).</summary>
public enum Channel
{
    /// <summary>单项许可: one export to one end user, valid ≤1 year, lapses once used.</summary>
    Individual,

    /// <summary>通用许可: repeated exports to named end users, valid ≤3 years.</summary>
    General,

    /// <summary>登记填报: file before each export, receive a voucher (art. 19 cases).</summary>
    Registration,
}

/// <summary>Where an application stands.</summary>
public enum ApplicationStatus
{
    /// <summary>Filed, not yet routed.</summary>
    Submitted,

    /// <summary>Accepted (受理) and under review; the clock runs.</summary>
    InReview,

    /// <summary>Under review with the clock stopped (art. 17).</summary>
    ClockStopped,

    /// <summary>Approved; a licence or voucher was issued.</summary>
    Approved,

    /// <summary>Denied.</summary>
    Denied,

    /// <summary>Withdrawn by the applicant.</summary>
    Withdrawn,

    /// <summary>No item is controlled: no licence is required.</summary>
    NotRequired,
}

/// <summary>The documents of art. 16 that an application can carry.</summary>
public enum DocumentKind
{
    /// <summary>End-user and end-use certificate with the no-diversion and no-transfer commitment (arts. 16, 24).</summary>
    EndUserCertificate,

    /// <summary>The sales contract.</summary>
    Contract,

    /// <summary>Technical description or test report stating the Dy/Tb/Sm content.</summary>
    TechnicalDescription,

    /// <summary>End-use statement: product, application, customers.</summary>
    EndUseStatement,
}

/// <summary>Why the clock is stopped (art. 17).</summary>
public enum ClockStopReason
{
    /// <summary>Identification of the item (鉴别).</summary>
    Identification,

    /// <summary>Expert consultation.</summary>
    ExpertConsultation,

    /// <summary>On-site check of the exporter or end user.</summary>
    OnSiteCheck,

    /// <summary>Waiting for information requested from the applicant.</summary>
    InformationRequest,
}

/// <summary>The declared end use.</summary>
public sealed record EndUse(EndUseCategory Category, string Description);

/// <summary>One line of an application, with its classification at filing.</summary>
/// <param name="Product">What is exported.</param>
/// <param name="QuantityKg">Net quantity in kilograms.</param>
/// <param name="Value">Value in the application's currency.</param>
/// <param name="ControlCodes">Entries the product fell under on the filing date.</param>
/// <param name="MissingEvidence">What the classification could not settle.</param>
public sealed record ApplicationItem(Product Product, decimal QuantityKg, decimal Value, IReadOnlyList<string> ControlCodes, IReadOnlyList<string> MissingEvidence);

/// <summary>A period during which the art. 17 clock does not run.</summary>
public sealed record ClockStop(Guid Id, ClockStopReason Reason, string? Note, DateOnly From, DateOnly? To);

/// <summary>An officer's decision.</summary>
/// <param name="Outcome">Approved or denied.</param>
/// <param name="Reason">Why, as the officer wrote it.</param>
/// <param name="DecidedBy">Who decided ("system" for lanes decided on filing).</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Override">True when an approval overrode a presumption of denial.</param>
/// <param name="PolicyVersion">Policy version of the routing the decision rests on.</param>
/// <param name="RuleIds">Rules that fired.</param>
public sealed record Decision(DecisionOutcome Outcome, string Reason, string DecidedBy, DateTimeOffset DecidedAt, bool Override, string PolicyVersion, IReadOnlyList<string> RuleIds);

/// <summary>Outcome of a decision.</summary>
public enum DecisionOutcome
{
    /// <summary>Approved: a licence is issued.</summary>
    Approved,

    /// <summary>Denied.</summary>
    Denied,
}
