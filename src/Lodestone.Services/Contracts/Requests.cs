namespace Lodestone.Services.Contracts;

/// <summary>A new party. Enum-like fields are kebab-case strings, checked with a clear error.</summary>
public sealed record CreatePartyRequest(
    string? Name,
    string? ChineseName,
    IReadOnlyList<string>? Aliases,
    string? Country,
    string? Kind,
    IReadOnlyList<string>? Sectors,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<FacilityDto>? Facilities);

public sealed record FacilityDto(string? Name, string? Address, string? Country);

/// <summary>An ownership edge: <c>ownerId</c> holds <c>percent</c> of the party in the route.</summary>
public sealed record AddOwnerRequest(Guid? OwnerId, decimal? Percent);

public sealed record RenamePartyRequest(string? Name, string? ChineseName, IReadOnlyList<string>? Aliases);

/// <summary>A product to classify.</summary>
public sealed record ClassifyRequest(string? Form, Dictionary<string, decimal>? Composition, string? HsCode, DateOnly? AsOf = null, string? Description = null);

/// <summary>A licence application as filed.</summary>
public sealed record FileApplicationRequest
{
    public string? Channel { get; init; }

    public Guid? ExporterId { get; init; }

    public Guid? ConsigneeId { get; init; }

    public Guid? EndUserId { get; init; }

    /// <summary>The end user's site the goods go to; a VEU covers named facilities only.</summary>
    public string? Facility { get; init; }

    public EndUseDto? EndUse { get; init; }

    public string? Destination { get; init; }

    public string? Currency { get; init; }

    public IReadOnlyList<ItemDto>? Items { get; init; }

    public IReadOnlyList<string>? Documents { get; init; }
}

public sealed record EndUseDto(string? Category, string? Description);

public sealed record ItemDto(string? Form, Dictionary<string, decimal>? Composition, string? HsCode, string? Description, decimal? QuantityKg, decimal? Value);

/// <summary>A clock stop; omit <c>to</c> to stop until resumed.</summary>
public sealed record ClockStopRequest(string? Reason, DateOnly? From, DateOnly? To, string? Note);

/// <summary>Ends an open clock stop; <c>to</c> is its last stopped day.</summary>
public sealed record ResumeClockRequest(DateOnly? To);

/// <summary>An officer's decision. <c>override</c> is needed to approve a presumption-of-denial case.</summary>
public sealed record DecisionRequest(string? Outcome, string? Reason, bool Override = false, int? ValidityMonths = null);

/// <summary>Withdrawal by the applicant.</summary>
public sealed record WithdrawRequest(string? Reason);
