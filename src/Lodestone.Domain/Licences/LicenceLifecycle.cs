using System.Globalization;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Licences;

/// <summary>
/// The licence lifecycle of domain.md §4.2: <c>active → suspended → active | revoked</c>, ending as
/// <c>exhausted</c> (an individual licence used up), <c>expired</c> or <c>surrendered</c> (handed back).
/// </summary>
public sealed partial class Licence
{
    /// <summary>The longest reason or note a licence action keeps.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>True when goods may be exported under it on <paramref name="day"/>.</summary>
    public bool InForceOn(DateOnly day) => Status == LicenceStatus.Active && ValidFrom <= day && day <= ValidUntil;

    /// <summary>
    /// Why goods cannot be exported under this licence on <paramref name="day"/>, or null when they can.
    /// Art. 18: exports only within the licence's scope and validity.
    /// </summary>
    public string? WhyNotUsable(DateOnly day) => Status != LicenceStatus.Active
        ? $"Licence {Number} is {WireName.Of(Status)}{(Suspension is { } s ? $" ({s.Reason})" : string.Empty)}."
        : day < ValidFrom || day > ValidUntil
            ? $"Licence {Number} is valid from {ValidFrom:yyyy-MM-dd} to {ValidUntil:yyyy-MM-dd}, not on {day:yyyy-MM-dd}."
            : null;

    /// <summary>Why the balance cannot cover a shipment, or null when it can.</summary>
    public string? WhyBalanceShort(decimal kg, decimal value)
    {
        var gaps = new List<string>();
        if (kg > RemainingKg)
        {
            gaps.Add($"{Amount(kg)} kg declared, {Amount(RemainingKg)} of {Amount(QuantityKg)} kg left");
        }

        if (value > RemainingValue)
        {
            gaps.Add($"{Currency} {Amount(value)} declared, {Currency} {Amount(RemainingValue)} of {Amount(Value)} left");
        }

        return gaps.Count == 0 ? null : $"Beyond the balance of licence {Number}: {string.Join("; ", gaps)}.";
    }

    /// <summary>
    /// Draws a released shipment from the balance. An individual licence lapses once used (art. 15), so when
    /// its quantity is used up it becomes <c>exhausted</c>.
    /// </summary>
    public void Draw(decimal kg, decimal value, DateOnly day, string declaration, DateTimeOffset now)
    {
        if (WhyNotUsable(day) is { } notUsable)
        {
            throw new InvalidStateException(notUsable);
        }

        if (kg <= 0 || value < 0)
        {
            throw new DomainException("quantityKg", "A drawdown needs a positive quantity and a value of zero or more.");
        }

        if (WhyBalanceShort(kg, value) is { } shortfall)
        {
            throw new InvalidStateException(shortfall);
        }

        UsedKg += kg;
        UsedValue += value;
        Version++;
        if (Type == LicenceType.Individual && RemainingKg == 0m)
        {
            MoveTo(LicenceStatus.Exhausted, now, "system", "exhausted", $"Used up by {declaration}: {Amount(QuantityKg)} kg shipped.");
        }
    }

    /// <summary>The authority suspends an active licence (art. 18: when circumstances change).</summary>
    public void Suspend(string? reason, string by, DateTimeOffset now) => SuspendAs(SuspensionKind.Authority, reason, by, now, "suspended");

    /// <summary>A key change was requested: exports under this licence stop until a new application is decided (art. 18).</summary>
    public void SuspendForKeyChange(string? reason, string by, DateTimeOffset now) => SuspendAs(SuspensionKind.PendingChange, reason, by, now, "suspended-for-key-change");

    /// <summary>Restores a suspended licence; one past its validity cannot come back.</summary>
    public void Reinstate(string? reason, string by, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A reinstatement");
        if (Status != LicenceStatus.Suspended)
        {
            throw new InvalidStateException($"Licence {Number} is {WireName.Of(Status)}; only a suspended licence can be reinstated.");
        }

        if (ChinaTime.DateOf(now) > ValidUntil)
        {
            throw new InvalidStateException($"Licence {Number} ran out on {ValidUntil:yyyy-MM-dd}; it cannot be reinstated.");
        }

        Suspension = null;
        MoveTo(LicenceStatus.Active, now, by, "reinstated", text);
    }

    /// <summary>The authority revokes an active or suspended licence.</summary>
    public void Revoke(string? reason, string by, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A revocation");
        RequireLive("revoked");
        Suspension = null;
        MoveTo(LicenceStatus.Revoked, now, by, "revoked", text);
    }

    /// <summary>The holder hands the licence back (art. 18: a key change replaces it with a new licence).</summary>
    public void Surrender(string? reason, string by, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A surrender");
        RequireLive("surrendered");
        Suspension = null;
        MoveTo(LicenceStatus.Surrendered, now, by, "surrendered", text);
    }

    /// <summary>Ends a live licence whose validity is over; true when it changed.</summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (Status is not (LicenceStatus.Active or LicenceStatus.Suspended) || today <= ValidUntil)
        {
            return false;
        }

        Suspension = null;
        MoveTo(LicenceStatus.Expired, now, "system", "expired", $"Valid until {ValidUntil:yyyy-MM-dd}.");
        return true;
    }

    /// <summary>Records a decided non-key change in the history (art. 18: decided within 20 working days).</summary>
    public void RecordChange(string action, string reason, string by, DateTimeOffset now)
    {
        History = [.. History, new LicenceEvent(now, by, action, Status, reason)];
        Version++;
    }

    private void SuspendAs(SuspensionKind kind, string? reason, string by, DateTimeOffset now, string action)
    {
        var text = CheckReason(reason, "A suspension");
        if (Status != LicenceStatus.Active)
        {
            throw new InvalidStateException($"Licence {Number} is {WireName.Of(Status)}; only an active licence can be suspended.");
        }

        Suspension = new LicenceSuspension(kind, text, now);
        MoveTo(LicenceStatus.Suspended, now, by, action, text);
    }

    private void RequireLive(string to)
    {
        if (Status is not (LicenceStatus.Active or LicenceStatus.Suspended))
        {
            throw new InvalidStateException($"Licence {Number} is {WireName.Of(Status)}; only an active or suspended licence can be {to}.");
        }
    }

    private void MoveTo(LicenceStatus status, DateTimeOffset at, string by, string action, string reason)
    {
        Status = status;
        History = [.. History, new LicenceEvent(at, by, action, status, reason)];
        Version++;
    }

    private static string CheckReason(string? reason, string what) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength
            ? throw new DomainException("reason", $"{what} needs a reason of at most {MaxReasonLength} characters.")
            : reason.Trim();

    private static string Amount(decimal v) => v.ToString("#,0.###", CultureInfo.InvariantCulture);
}
