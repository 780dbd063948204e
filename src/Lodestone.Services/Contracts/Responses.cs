namespace Lodestone.Services.Contracts;

public sealed record PartyRef(Guid Id, string Name, string? ChineseName, string Country);

public sealed record PartyResponse(
    Guid Id,
    string Name,
    string? ChineseName,
    IReadOnlyList<string> Aliases,
    string Country,
    string Kind,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Roles,
    IReadOnlyList<FacilityDto> Facilities,
    IReadOnlyList<OwnerResponse> Owners,
    IReadOnlyList<OwnerResponse> Holdings,
    MilitaryTiesResponse MilitaryTies,
    bool IsDemo,
    PartyScreeningResponse Screening,
    IReadOnlyList<string> ListedOwnership);

public sealed record OwnerResponse(Guid PartyId, string Name, decimal Percent);

public sealed record MilitaryTiesResponse(bool Linked, IReadOnlyList<string> Evidence, IReadOnlyList<string> MinorityStakes);

public sealed record ClassificationEntryResponse(string Code, string Reason);

public sealed record ClassificationResponse(
    bool Controlled,
    IReadOnlyList<ClassificationEntryResponse> Entries,
    IReadOnlyList<string> MissingEvidence,
    IReadOnlyList<string> Notes,
    DateOnly AsOf,
    string ControlListVersion);

public sealed record ReasonResponse(string Rule, string Text);

public sealed record ItemResponse(
    string Form,
    IReadOnlyDictionary<string, decimal> Composition,
    string? HsCode,
    string? Description,
    decimal QuantityKg,
    decimal Value,
    IReadOnlyList<string> ControlCodes,
    IReadOnlyList<string> MissingEvidence);

public sealed record ClockStopResponse(Guid Id, string Reason, string? Note, DateOnly From, DateOnly? To);

public sealed record DecisionResponse(string Outcome, string Reason, string DecidedBy, DateTimeOffset DecidedAt, bool Override, string PolicyVersion, IReadOnlyList<string> RuleIds);

public sealed record ApplicationResponse
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Status { get; init; }

    public required string? Lane { get; init; }

    public required IReadOnlyList<ReasonResponse> Reasons { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required string? PolicyVersion { get; init; }

    public required IReadOnlyList<string> RuleIds { get; init; }

    public required string Channel { get; init; }

    public required PartyRef Exporter { get; init; }

    public required PartyRef Consignee { get; init; }

    public required PartyRef EndUser { get; init; }

    public required string? Facility { get; init; }

    public required EndUseDto EndUse { get; init; }

    public required string Destination { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<ItemResponse> Items { get; init; }

    /// <summary>The VEU it was fast-tracked under, if any.</summary>
    public required Guid? VeuId { get; init; }

    public required IReadOnlyList<string> Documents { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required DateOnly? AcceptedOn { get; init; }

    public required int? WorkingDayLimit { get; init; }

    public required IReadOnlyList<ClockStopResponse> ClockStops { get; init; }

    public required DecisionResponse? Decision { get; init; }

    public required Guid? LicenceId { get; init; }

    public required bool IsDemo { get; init; }
}

public sealed record ApplicationSummary(
    Guid Id,
    string Number,
    string Status,
    string? Lane,
    DateOnly? DueDate,
    string Destination,
    string Channel,
    PartyRef Exporter,
    PartyRef EndUser,
    decimal QuantityKg,
    DateTimeOffset SubmittedAt);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record LicenceItemResponse(string Description, IReadOnlyList<string> ControlCodes, string? HsCode, decimal QuantityKg, decimal Value);

public sealed record LicenceResponse
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Type { get; init; }

    public required string Status { get; init; }

    public required Guid ApplicationId { get; init; }

    public required PartyRef Exporter { get; init; }

    public required PartyRef Consignee { get; init; }

    public required PartyRef EndUser { get; init; }

    public required string Destination { get; init; }

    public required EndUseDto EndUse { get; init; }

    public required IReadOnlyList<LicenceItemResponse> Items { get; init; }

    public required string Currency { get; init; }

    public required decimal QuantityKg { get; init; }

    public required decimal Value { get; init; }

    public required decimal UsedKg { get; init; }

    public required decimal UsedValue { get; init; }

    public required decimal RemainingKg { get; init; }

    public required decimal RemainingValue { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public required DateOnly ValidUntil { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required string IssuedBy { get; init; }

    public required string PolicyVersion { get; init; }

    public required IReadOnlyList<string> RuleIds { get; init; }

    public required SuspensionResponse? Suspension { get; init; }

    public required IReadOnlyList<HistoryEventResponse> History { get; init; }
}

/// <summary>The result of filing or routing: the application and, when issued at once, its licence.</summary>
public sealed record RoutingResult(ApplicationResponse Application, LicenceResponse? Licence);
