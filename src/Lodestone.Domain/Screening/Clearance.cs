using Lodestone.Domain.Common;

namespace Lodestone.Domain.Screening;

/// <summary>
/// A reviewed false positive: this party is not this list entry. It holds until it expires or the entry's
/// content changes (a new alias or address may make the match real), as whitelists keyed on the entry do
/// in commercial screening tools.
/// </summary>
public sealed class Clearance
{
    /// <summary>The longest clearance an officer may give without a fresh review.</summary>
    public const int MaxDays = 3 * 366;

    private Clearance()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The party.</summary>
    public Guid PartyId { get; private set; }

    /// <summary>The list.</summary>
    public string ListId { get; private set; } = string.Empty;

    /// <summary>The entry.</summary>
    public string EntryId { get; private set; } = string.Empty;

    /// <summary>The entry content reviewed.</summary>
    public string EntryFingerprint { get; private set; } = string.Empty;

    /// <summary>Why it is a false positive.</summary>
    public string Reason { get; private set; } = string.Empty;

    /// <summary>Last day it holds.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>Who cleared it.</summary>
    public string ClearedBy { get; private set; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset ClearedAt { get; private set; }

    /// <summary>Creates a clearance, refusing one already expired or longer than <see cref="MaxDays"/>.</summary>
    public static Clearance Create(Guid id, ScreeningHit hit, string reason, DateOnly expiresOn, string by, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (expiresOn < today)
        {
            throw new DomainException("expiresOn", "The clearance would already have expired.");
        }

        if (expiresOn > today.AddDays(MaxDays))
        {
            throw new DomainException("expiresOn", "A clearance lasts at most three years; review the party again then.");
        }

        return new Clearance
        {
            Id = id,
            PartyId = hit.PartyId,
            ListId = hit.ListId,
            EntryId = hit.EntryId,
            EntryFingerprint = hit.EntryFingerprint,
            Reason = reason.Trim(),
            ExpiresOn = expiresOn,
            ClearedBy = by,
            ClearedAt = at,
        };
    }

    /// <summary>True while the clearance covers the entry content on the date.</summary>
    public bool Covers(string fingerprint, DateOnly date) => fingerprint == EntryFingerprint && date <= ExpiresOn;
}
