namespace Lodestone.Services.Contracts;

/// <summary>
/// Opens an end-use check. Kind: <c>document</c> or <c>on-site</c>; role: <c>importer</c> or <c>end-user</c>.
/// The deadline is a date, or a number of working days from today (30 when neither is given).
/// </summary>
public sealed record OpenCheckRequest
{
    public string? Kind { get; init; }

    public Guid? PartyId { get; init; }

    public string? Role { get; init; }

    public Guid? LicenceId { get; init; }

    public Guid? ShipmentId { get; init; }

    public string? Reason { get; init; }

    public DateOnly? Deadline { get; init; }

    public int? WorkingDays { get; init; }
}

/// <summary>What is asked of the party: the documents, or the visit announced.</summary>
public sealed record CheckNoteRequest(string? Note);

/// <summary>The officer's findings behind an outcome.</summary>
public sealed record CheckFindingsRequest(string? Findings);

/// <summary>A policy administrator's reason for confirming (optional) or rejecting (required) a proposal.</summary>
public sealed record ProposalDecisionRequest(string? Reason);

public sealed record CheckEventResponse(DateTimeOffset At, string By, string Action, string Status, string Note);

public sealed record ListProposalResponse(
    Guid Id, Guid CheckId, string CheckNumber, PartyRef Party, string ListId, string Grounds, string Status, string ProposedBy, DateTimeOffset ProposedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason, int? ListVersion);

public sealed record EndUseCheckSummary(
    Guid Id, string Number, string Kind, string Status, DateOnly StatusSince, PartyRef Party, string Role, DateOnly Deadline, bool Overdue);

public sealed record EndUseCheckResponse
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Kind { get; init; }

    public required string Status { get; init; }

    public required DateOnly StatusSince { get; init; }

    public required PartyRef Party { get; init; }

    public required string Role { get; init; }

    public Guid? LicenceId { get; init; }

    public string? LicenceNumber { get; init; }

    public Guid? ShipmentId { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required string OpenedBy { get; init; }

    public required DateOnly Deadline { get; init; }

    /// <summary>True when the deadline has passed with no outcome: non-cooperation may now be recorded.</summary>
    public required bool Overdue { get; init; }

    public string? Findings { get; init; }

    public required IReadOnlyList<CheckEventResponse> History { get; init; }

    public ListProposalResponse? Proposal { get; init; }

    public required bool IsDemo { get; init; }
}
