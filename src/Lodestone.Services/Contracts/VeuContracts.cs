namespace Lodestone.Services.Contracts;

/// <summary>
/// A VEU application: an exporter applies on behalf of an end user, or the end user applies naming its
/// exporters. Documents: <c>end-user-certificate</c>, <c>compliance-programme</c>, <c>ownership-chart</c>, <c>on-site-consent</c>.
/// </summary>
public sealed record ApplyVeuRequest
{
    public IReadOnlyList<Guid>? ExporterIds { get; init; }

    public Guid? EndUserId { get; init; }

    public IReadOnlyList<FacilityDto>? Facilities { get; init; }

    public IReadOnlyList<string>? ControlCodes { get; init; }

    public EndUseDto? EndUse { get; init; }

    public decimal? AnnualCapKg { get; init; }

    public decimal? ForecastAnnualKg { get; init; }

    public int? ValidityMonths { get; init; }

    public IReadOnlyList<string>? Documents { get; init; }
}

/// <summary>A committee vote: <c>grant</c> or <c>deny</c> while vetting; in a review, <c>deny</c> votes to remove and <c>grant</c> to keep.</summary>
public sealed record VeuVoteRequest(string? Vote, string? Reason);

/// <summary>A reason (suspend, reinstate, revoke) or a note (information requested or provided).</summary>
public sealed record VeuReasonRequest(string? Reason);

public sealed record VeuVoteResponse(string Member, string Purpose, int Round, string Vote, string Reason, DateTimeOffset CastAt);

public sealed record VettingFindingResponse(string Subject, string Finding, bool Blocking);

public sealed record VeuInformationResponse(Guid Id, string Note, DateOnly From, DateOnly? To, string? Answer);

public sealed record VeuEventResponse(DateTimeOffset At, string By, string Action, string Status, string Reason);

public sealed record VeuCapYearResponse(int Year, decimal CapKg, decimal DrawnKg, decimal RemainingKg);

public sealed record VeuDrawdownResponse(Guid ApplicationId, string? ApplicationNumber, DateOnly On, decimal QuantityKg);

public sealed record VeuResponse
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Status { get; init; }

    public required DateOnly StatusSince { get; init; }

    public required PartyRef EndUser { get; init; }

    public required IReadOnlyList<PartyRef> Exporters { get; init; }

    public required IReadOnlyList<FacilityDto> Facilities { get; init; }

    public required IReadOnlyList<string> ControlCodes { get; init; }

    public required EndUseDto EndUse { get; init; }

    public required decimal AnnualCapKg { get; init; }

    public required decimal ForecastAnnualKg { get; init; }

    public required int ValidityMonths { get; init; }

    public required IReadOnlyList<string> Documents { get; init; }

    public required DateTimeOffset AppliedAt { get; init; }

    public required string AppliedBy { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required DateOnly? ValidFrom { get; init; }

    public required DateOnly? ValidUntil { get; init; }

    public required IReadOnlyList<string> Panel { get; init; }

    public required IReadOnlyList<string> PendingMembers { get; init; }

    public required IReadOnlyList<VeuVoteResponse> Votes { get; init; }

    public required IReadOnlyList<VettingFindingResponse> Findings { get; init; }

    public required IReadOnlyList<VeuInformationResponse> InformationRequests { get; init; }

    public required IReadOnlyList<VeuEventResponse> History { get; init; }

    public required IReadOnlyList<VeuCapYearResponse> Usage { get; init; }

    public required IReadOnlyList<VeuDrawdownResponse> Drawdowns { get; init; }

    public required bool IsDemo { get; init; }
}

public sealed record VeuSummary(
    Guid Id,
    string Number,
    string Status,
    DateOnly StatusSince,
    PartyRef EndUser,
    string EndUse,
    IReadOnlyList<string> ControlCodes,
    decimal AnnualCapKg,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    DateOnly? DueDate,
    int VotesCast,
    int PanelSize);

/// <summary>One line of the public register: what anyone may know about an active VEU.</summary>
public sealed record VeuRegisterEntry(
    string Number,
    string EndUser,
    string? EndUserChineseName,
    string Country,
    IReadOnlyList<FacilityDto> Facilities,
    IReadOnlyList<string> ControlCodes,
    string EndUse,
    DateOnly ValidFrom,
    DateOnly ValidUntil);
