namespace Lodestone.Domain.Licences;

/// <summary>Who suspended a licence: the authority (art. 18: "when circumstances change"), or the holder's key change.</summary>
public enum SuspensionKind
{
    /// <summary>Suspended by the authority; it may be restored or revoked.</summary>
    Authority,

    /// <summary>
    /// A key element (item, destination, end user, end use) is changing: exports stop until the new
    /// application is decided (art. 18).
    /// </summary>
    PendingChange,
}

/// <summary>Why a licence is suspended.</summary>
public sealed record LicenceSuspension(SuspensionKind Kind, string Reason, DateTimeOffset Since);

/// <summary>One entry in a licence's history.</summary>
public sealed record LicenceEvent(DateTimeOffset At, string By, string Action, LicenceStatus Status, string Reason);
