using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lodestone.Domain.Audit;

/// <summary>
/// One entry of the append-only audit trail. Each record's <see cref="Hash"/> is
/// SHA-256(previous hash ‖ canonical record), so changing, removing, reordering or inserting a record
/// breaks the chain from that point on. Records are kept at least five years (art. 27).
/// </summary>
public sealed record AuditRecord(
    long Seq,
    DateTimeOffset At,
    string Actor,
    Guid? OrganisationId,
    string Action,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string PrevHash,
    string Hash)
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The canonical form hashed into the chain: a JSON array of the fields in a fixed order, the instant
    /// in UTC with ticks, and the before/after snapshots by their SHA-256, so no two records share a form.
    /// </summary>
    public static string Canonical(long seq, DateTimeOffset at, string actor, Guid? organisationId, string action, string entityType, string entityId, string? before, string? after) =>
        JsonSerializer.Serialize(new[]
        {
            seq.ToString(CultureInfo.InvariantCulture),
            at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            actor,
            organisationId?.ToString("D") ?? string.Empty,
            action,
            entityType,
            entityId,
            Digest(before),
            Digest(after),
        });

    /// <summary>SHA-256(previous hash ‖ canonical record), lower-case hex.</summary>
    public static string ComputeHash(string prevHash, string canonical)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        ArgumentNullException.ThrowIfNull(canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + canonical)));
    }

    /// <summary>Builds the next record of a chain whose head is (<paramref name="prevSeq"/>, <paramref name="prevHash"/>).</summary>
    public static AuditRecord Next(long prevSeq, string prevHash, DateTimeOffset at, string actor, Guid? organisationId, string action, string entityType, string entityId, string? before, string? after)
    {
        at = Normalize(at);
        var seq = checked(prevSeq + 1);
        var hash = ComputeHash(prevHash, Canonical(seq, at, actor, organisationId, action, entityType, entityId, before, after));
        return new AuditRecord(seq, at, actor, organisationId, action, entityType, entityId, before, after, prevHash, hash);
    }

    /// <summary>
    /// Whole milliseconds in UTC: both databases store that exactly (SQLite's encoding keeps 0.1 ms,
    /// PostgreSQL 1 µs), so an instant read back hashes and verifies as it was written.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>The hash this record should carry, recomputed from its fields.</summary>
    public string Recompute() => ComputeHash(PrevHash, Canonical(Seq, At, Actor, OrganisationId, Action, EntityType, EntityId, Before, After));

    private static string Digest(string? text) =>
        text is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
