using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Analytics;

/// <summary>What became of an application, as far as the tonnage reaching approval goes.</summary>
public enum HistoricalOutcome
{
    /// <summary>Still under review.</summary>
    Pending,

    /// <summary>Approved, by an officer or on filing.</summary>
    Approved,

    /// <summary>Denied.</summary>
    Denied,

    /// <summary>Withdrawn by the applicant.</summary>
    Withdrawn,

    /// <summary>No licence was needed.</summary>
    NotRequired,
}

/// <summary>One historical application as a replay sees it.</summary>
/// <param name="Id">The application.</param>
/// <param name="Number">Its number.</param>
/// <param name="FiledOn">The filing day (China time).</param>
/// <param name="Destination">ISO 3166-1 alpha-2 destination.</param>
/// <param name="Lane">The lane it was routed to.</param>
/// <param name="RuleId">The rule that routed it.</param>
/// <param name="PolicyVersion">The policy version that routed it.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Facts">The facts it was routed on.</param>
/// <param name="SubmittedAt">The filing instant (which text of its policy version was loaded then).</param>
public sealed record ReplayCase(Guid Id, string Number, DateOnly FiledOn, string Destination, Lane Lane, string RuleId, string PolicyVersion, HistoricalOutcome Outcome, RoutingFacts Facts, DateTimeOffset SubmittedAt);

/// <summary>An application the draft routes differently.</summary>
/// <param name="Id">The application.</param>
/// <param name="Number">Its number.</param>
/// <param name="FiledOn">The filing day.</param>
/// <param name="Destination">Destination.</param>
/// <param name="Kg">Quantity applied for.</param>
/// <param name="FromLane">The lane it had.</param>
/// <param name="FromRule">The rule that routed it then.</param>
/// <param name="ToLane">The draft's lane.</param>
/// <param name="ToRule">The draft's rule.</param>
/// <param name="DecidingRule">The rule that made the difference: the new or changed rule, or the old rule that was removed or changed.</param>
/// <param name="Why">The difference in words.</param>
public sealed record LaneFlip(Guid Id, string Number, DateOnly FiledOn, string Destination, decimal Kg, Lane FromLane, string FromRule, Lane ToLane, string ToRule, string DecidingRule, string Why);

/// <summary>Lanes and approved tonnage in one month and destination, as it happened and under the draft.</summary>
/// <param name="Month">First day of the filing month.</param>
/// <param name="Destination">Destination.</param>
/// <param name="Historical">Applications per lane as routed.</param>
/// <param name="Draft">Applications per lane under the draft.</param>
/// <param name="Flipped">Applications whose lane changes.</param>
/// <param name="ApprovedKg">Tonnage approved (or needing no licence) as it happened.</param>
/// <param name="DraftApprovedKg">Tonnage expected to reach approval under the draft (see <see cref="ReplayResult.ApprovalShares"/>).</param>
public sealed record ReplayCell(DateOnly Month, string Destination, IReadOnlyDictionary<Lane, int> Historical, IReadOnlyDictionary<Lane, int> Draft, int Flipped, decimal ApprovedKg, decimal DraftApprovedKg);

/// <summary>Applications moving from one lane to another.</summary>
public sealed record LaneShift(Lane From, Lane To, int Applications, decimal Kg);

/// <summary>The outcome of a replay.</summary>
/// <param name="DraftVersion">The draft's version; null for a replay under the policies in force.</param>
/// <param name="Replayed">Applications replayed.</param>
/// <param name="Flipped">Applications whose lane changes.</param>
/// <param name="ApprovedKg">Tonnage approved as it happened.</param>
/// <param name="DraftApprovedKg">Tonnage expected to reach approval under the draft.</param>
/// <param name="ApprovalShares">Per lane, the share of tonnage moved into it that is expected to reach approval.</param>
/// <param name="Shifts">Lane-to-lane moves, the largest first.</param>
/// <param name="Cells">Per month and destination.</param>
/// <param name="Flips">Flipped applications in filing order (up to the limit asked for).</param>
/// <param name="UnknownPolicyVersions">Versions whose text is not recorded, or can no longer be read; their applications were not replayed.</param>
public sealed record ReplayResult(
    string? DraftVersion,
    int Replayed,
    int Flipped,
    decimal ApprovedKg,
    decimal DraftApprovedKg,
    IReadOnlyDictionary<Lane, decimal> ApprovalShares,
    IReadOnlyList<LaneShift> Shifts,
    IReadOnlyList<ReplayCell> Cells,
    IReadOnlyList<LaneFlip> Flips,
    IReadOnlyList<string> UnknownPolicyVersions);
