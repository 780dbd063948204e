namespace Lodestone.Services.Contracts;

/// <summary>
/// A customs declaration. <c>consigneeId</c> defaults to the end user and <c>declaredOn</c> to today; cite a
/// licence or a VEU by number, or neither for goods that need none.
/// </summary>
public sealed record DeclareShipmentRequest
{
    public string? DeclarationNumber { get; init; }

    public DateOnly? DeclaredOn { get; init; }

    public Guid? ExporterId { get; init; }

    public Guid? ConsigneeId { get; init; }

    public Guid? EndUserId { get; init; }

    public string? Destination { get; init; }

    public string? Facility { get; init; }

    public string? Currency { get; init; }

    public string? LicenceNumber { get; init; }

    public string? VeuNumber { get; init; }

    public IReadOnlyList<ShipmentItemDto>? Items { get; init; }
}

/// <summary>A declared item. The form may be left out where the HS code tells it (8505.11 magnets, 2805.30 metals).</summary>
public sealed record ShipmentItemDto(string? HsCode, string? Form, Dictionary<string, decimal>? Composition, string? Description, decimal? QuantityKg, decimal? Value);

/// <summary>A reason for an officer's or holder's action.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>A post-shipment report (art. 18).</summary>
public sealed record FileReportRequest(string? Kind, string? Text);

/// <summary>A change to a licence: what it touches (item, destination, end-user, end-use are key) and what it is.</summary>
public sealed record LicenceChangeRequest(IReadOnlyList<string>? Fields, string? Description);

/// <summary>The decision on a non-key change: <c>approved</c> or <c>refused</c>.</summary>
public sealed record LicenceChangeDecisionRequest(string? Outcome, string? Reason);

public sealed record ShipmentItemResponse(
    string? HsCode, string Form, IReadOnlyDictionary<string, decimal> Composition, string? Description, decimal QuantityKg, decimal Value,
    IReadOnlyList<string> ControlCodes, IReadOnlyList<string> MissingEvidence);

public sealed record HistoryEventResponse(DateTimeOffset At, string By, string Action, string Status, string Reason);

public sealed record ReportResponse(
    Guid Id, Guid ShipmentId, string DeclarationNumber, PartyRef Exporter, string Kind, DateOnly DueOn, DateTimeOffset? FiledAt, string? FiledBy, string? Text,
    bool Overdue, bool Late, DateTimeOffset? OverdueRaisedAt);

public sealed record ShipmentResponse
{
    public required Guid Id { get; init; }

    public required string DeclarationNumber { get; init; }

    public required DateOnly DeclaredOn { get; init; }

    public required DateTimeOffset DeclaredAt { get; init; }

    public required string DeclaredBy { get; init; }

    public required PartyRef Exporter { get; init; }

    public required PartyRef Consignee { get; init; }

    public required PartyRef EndUser { get; init; }

    public required string Destination { get; init; }

    public required string? Facility { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<ShipmentItemResponse> Items { get; init; }

    public required decimal QuantityKg { get; init; }

    public required decimal Value { get; init; }

    public required string Authorisation { get; init; }

    public required string? AuthorisationNumber { get; init; }

    public required Guid? LicenceId { get; init; }

    public required Guid? VeuId { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required bool Drawn { get; init; }

    public required IReadOnlyList<HistoryEventResponse> History { get; init; }

    public required IReadOnlyList<ReportResponse> Reports { get; init; }
}

public sealed record ShipmentSummary(
    Guid Id, string DeclarationNumber, DateOnly DeclaredOn, PartyRef Exporter, PartyRef EndUser, string Destination, decimal QuantityKg, decimal Value,
    string Currency, string? AuthorisationNumber, string Status, IReadOnlyList<string> Reasons);

/// <summary>What an import recorded, by outcome.</summary>
public sealed record ShipmentImportResult(int Declarations, int Released, int Held, int Refused, IReadOnlyList<ShipmentSummary> Shipments);

public sealed record LicenceChangeResponse(
    Guid Id, Guid LicenceId, IReadOnlyList<string> Fields, bool IsKey, string Description, string Status, string RequestedBy, DateTimeOffset RequestedAt,
    DateOnly? DueDate, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason);

public sealed record SuspensionResponse(string Kind, string Reason, DateTimeOffset Since);

public sealed record LicenceSummary(
    Guid Id, string Number, string Type, string Status, PartyRef Exporter, PartyRef EndUser, string Destination, decimal QuantityKg, decimal UsedKg,
    DateOnly ValidFrom, DateOnly ValidUntil);
