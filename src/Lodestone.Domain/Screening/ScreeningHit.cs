using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Screening;

/// <summary>Where a hit stands with the officers.</summary>
public enum HitReview
{
    /// <summary>New: waiting in the officers' queue. Counts as a hit for routing until reviewed.</summary>
    Unreviewed,

    /// <summary>An officer confirmed the party is the listed entry.</summary>
    Confirmed,

    /// <summary>An officer cleared it as a false positive (see the clearance).</summary>
    Cleared,
}

/// <summary>
/// A party's match against a list entry, kept between screenings so that only new hits are raised.
/// One row per party × list entry; re-screening updates the score and marks hits that no longer match.
/// </summary>
public sealed class ScreeningHit
{
    private ScreeningHit()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The party screened.</summary>
    public Guid PartyId { get; private set; }

    /// <summary>The list.</summary>
    public string ListId { get; private set; } = string.Empty;

    /// <summary>The list's kind when the hit was found.</summary>
    public ListKind Kind { get; private set; }

    /// <summary>The entry.</summary>
    public string EntryId { get; private set; } = string.Empty;

    /// <summary>The entry's primary name.</summary>
    public string EntryName { get; private set; } = string.Empty;

    /// <summary>The entry content the hit was found on.</summary>
    public string EntryFingerprint { get; private set; } = string.Empty;

    /// <summary>Match score in [0, 1].</summary>
    public double Score { get; private set; }

    /// <summary>The engine's one-line explanation.</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>The full explanation (JSON), for the party page.</summary>
    public string ExplanationJson { get; private set; } = "{}";

    /// <summary>What raised it: party registration, a list version, a name change.</summary>
    public string Trigger { get; private set; } = string.Empty;

    /// <summary>When first found.</summary>
    public DateTimeOffset FirstSeenAt { get; private set; }

    /// <summary>When a screening last changed what is known of the hit (a re-screening that finds it unchanged leaves it).</summary>
    public DateTimeOffset LastScreenedAt { get; private set; }

    /// <summary>False once a later screening no longer finds it (entry removed, name changed).</summary>
    public bool Current { get; private set; }

    /// <summary>Review state.</summary>
    public HitReview Review { get; private set; }

    /// <summary>Who reviewed it.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Why.</summary>
    public string? ReviewReason { get; private set; }

    /// <summary>Optimistic concurrency: two officers reviewing the same hit.</summary>
    public int Version { get; private set; }

    /// <summary>True when the hit counts against the party: current and not cleared.</summary>
    public bool Effective => Current && Review != HitReview.Cleared;

    /// <summary>A newly found hit, waiting for review.</summary>
    public static ScreeningHit Found(
        Guid id, Guid partyId, string listId, ListKind kind, string entryId, string entryName, string fingerprint, double score, string summary, string explanationJson, string trigger, DateTimeOffset at) => new()
        {
            Id = id,
            PartyId = partyId,
            ListId = listId,
            Kind = kind,
            EntryId = entryId,
            EntryName = entryName,
            EntryFingerprint = fingerprint,
            Score = score,
            Summary = summary,
            ExplanationJson = explanationJson,
            Trigger = trigger,
            FirstSeenAt = at,
            LastScreenedAt = at,
            Current = true,
            Review = HitReview.Unreviewed,
        };

    /// <summary>
    /// The same party × entry found again. If the entry's content changed since an officer's review, the
    /// review no longer holds: the hit goes back to the queue (a clearance is "until the entry changes").
    /// Returns true when the hit is raised again.
    /// </summary>
    public bool FoundAgain(string entryName, string fingerprint, ListKind kind, double score, string summary, string explanationJson, string trigger, DateTimeOffset at)
    {
        var raised = !Current || (Review != HitReview.Unreviewed && fingerprint != EntryFingerprint);
        var unchanged = !raised && fingerprint == EntryFingerprint && kind == Kind && entryName == EntryName && Math.Abs(score - Score) < 1e-6;
        if (unchanged)
        {
            // Nothing to record: leaving the row untouched keeps a background re-screening from colliding
            // with an officer reviewing the same hit.
            return false;
        }

        if (raised)
        {
            Review = HitReview.Unreviewed;
            ReviewedBy = null;
            ReviewedAt = null;
            ReviewReason = null;
            Trigger = trigger;
            FirstSeenAt = at;
        }

        EntryName = entryName;
        EntryFingerprint = fingerprint;
        Kind = kind;
        Score = score;
        Summary = summary;
        ExplanationJson = explanationJson;
        LastScreenedAt = at;
        Current = true;
        Version++;
        return raised;
    }

    /// <summary>A screening no longer finds it.</summary>
    public void Lapse(DateTimeOffset at)
    {
        Current = false;
        LastScreenedAt = at;
        Version++;
    }

    /// <summary>An officer's review.</summary>
    public void Decide(HitReview review, string by, string reason, DateTimeOffset at)
    {
        if (review == HitReview.Unreviewed)
        {
            throw new DomainException("review", "A review confirms or clears the hit.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            throw new DomainException("reason", "Give the reason for the review (at most 2,000 characters).");
        }

        if (!Current)
        {
            throw new InvalidStateException("The hit no longer matches; there is nothing to review.");
        }

        if (Review == review)
        {
            throw new InvalidStateException($"The hit is already {(review == HitReview.Cleared ? "cleared" : "confirmed")}.");
        }

        Review = review;
        Version++;
        ReviewedBy = by;
        ReviewedAt = at;
        ReviewReason = reason.Trim();
    }

    /// <summary>A clearance expired: the hit counts again and goes back to the queue.</summary>
    public void ClearanceExpired(DateTimeOffset at)
    {
        Review = HitReview.Unreviewed;
        Trigger = "clearance expired";
        FirstSeenAt = at;
        Version++;
    }
}
