namespace Lodestone.Persistence.Audit;

/// <summary>The chain's head: one row, locked by every append so that appends are serialised across instances.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }

    public long Seq { get; set; }

    public string Hash { get; set; } = Domain.Audit.AuditRecord.Genesis;
}

/// <summary>A stored response to a request sent with an <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }

    public required string Actor { get; init; }

    public required string Endpoint { get; init; }

    public required string RequestHash { get; init; }

    public int? StatusCode { get; set; }

    public string? Location { get; set; }

    public string? ResponseBody { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}
