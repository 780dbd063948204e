using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Veu;

/// <summary>A site covered by a VEU. Other sites of the same end user are not (15 CFR §748.15, Supp. 7).</summary>
public sealed record VeuFacility(string Name, string Address, Common.CountryCode Country);

/// <summary>One committee member's vote, kept with its reason.</summary>
/// <param name="Round">0 for the grant; for removal, the review round it was cast in (votes of earlier reviews stay on record but do not count).</param>
public sealed record VeuVote(string Member, VotePurpose Purpose, int Round, VoteChoice Choice, string Reason, DateTimeOffset CastAt);

/// <summary>One step of a VEU's history: a change of status, a vote, a request for information.</summary>
public sealed record VeuEvent(DateTimeOffset At, string By, string Action, VeuStatus Status, string Reason);

/// <summary>A request for more information; the vetting clock stops from <paramref name="From"/> until it is answered.</summary>
public sealed record VeuInformationRequest(Guid Id, string Note, DateOnly From, DateOnly? To, string? Answer);

/// <summary>
/// What vetting found about a subject (the end user, a facility, an owner, an exporter). A blocking finding
/// (listed or military-linked applicant) makes a grant impossible.
/// </summary>
public sealed record VettingFinding(string Subject, string Finding, bool Blocking);

/// <summary>The scope a VEU grants, checked against an export.</summary>
/// <param name="ExporterIds">The Chinese exporters that may ship under it.</param>
/// <param name="EndUserId">The approved end user.</param>
/// <param name="Facilities">The end user's approved sites.</param>
/// <param name="ControlCodes">Control codes in scope; a code covers its sub-entries (1C904 covers 1C904.a.4).</param>
/// <param name="EndUse">The one end-use category approved.</param>
/// <param name="AnnualCapKg">Quantity allowed per calendar year.</param>
public sealed record VeuScope(
    IReadOnlyList<Guid> ExporterIds,
    Guid EndUserId,
    IReadOnlyList<VeuFacility> Facilities,
    IReadOnlyList<string> ControlCodes,
    EndUseCategory EndUse,
    decimal AnnualCapKg);
