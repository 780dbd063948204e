using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Checks;

/// <summary>One step of an end-use check's history.</summary>
public sealed record EndUseCheckEvent(DateTimeOffset At, string By, string Action, EndUseCheckStatus Status, string Note);

/// <summary>
/// A check that exported goods reached the declared end user and serve the declared end use (Dual-Use Items
/// Regulations arts. 17, 24–26; domain.md §4.1): a document check or an on-site check of the importer or end
/// user, with a deadline for the party to cooperate. Non-cooperation by the deadline puts the party on the
/// watch list (art. 26); a violation proposes the control list (art. 28). The list changes themselves are made
/// by the services, as new list versions.
/// </summary>
public sealed class EndUseCheck
{
    /// <summary>The deadline when none is given: 30 working days from opening, long enough for an importer abroad to gather certificates and ledgers.</summary>
    public const int DefaultWorkingDays = 30;

    /// <summary>The longest deadline, in working days (about a year).</summary>
    public const int MaxWorkingDays = 250;

    /// <summary>The longest free text kept.</summary>
    public const int MaxTextLength = 4000;

    private EndUseCheck()
    {
        Number = string.Empty;
        Reason = string.Empty;
        OpenedBy = string.Empty;
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Human reference, e.g. <c>EUC-2025-3F9A1C2B</c>.</summary>
    public string Number { get; private set; }

    /// <summary>Document or on-site.</summary>
    public EndUseCheckKind Kind { get; private set; }

    /// <summary>The party checked.</summary>
    public Guid PartyId { get; private set; }

    /// <summary>Whether the party is checked as importer or as end user.</summary>
    public CheckedRole Role { get; private set; }

    /// <summary>The licence whose exports are checked, if any.</summary>
    public Guid? LicenceId { get; private set; }

    /// <summary>The shipment checked, if any (a reference only).</summary>
    public Guid? ShipmentId { get; private set; }

    /// <summary>Why the check was opened.</summary>
    public string Reason { get; private set; }

    /// <summary>Status.</summary>
    public EndUseCheckStatus Status { get; private set; }

    /// <summary>The day the status last changed (China time).</summary>
    public DateOnly StatusSince { get; private set; }

    /// <summary>Who opened it.</summary>
    public string OpenedBy { get; private set; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The day it was opened (China time), day 0 of the deadline.</summary>
    public DateOnly OpenedOn { get; private set; }

    /// <summary>The last day the party may cooperate; non-cooperation is recorded only after it.</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>The officer's findings, once decided.</summary>
    public string? Findings { get; private set; }

    /// <summary>Every change, in order.</summary>
    public IReadOnlyList<EndUseCheckEvent> History { get; private set; } = [];

    /// <summary>True for synthetic demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Optimistic-concurrency version, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>True once verified, non-cooperative or a violation.</summary>
    public bool IsDecided => Status is EndUseCheckStatus.Verified or EndUseCheckStatus.NonCooperative or EndUseCheckStatus.Violation;

    /// <summary>
    /// Opens a check. The deadline is <paramref name="deadline"/> when given (after today), otherwise
    /// <paramref name="workingDays"/> (default <see cref="DefaultWorkingDays"/>) working days from today.
    /// </summary>
    public static EndUseCheck Open(
        Guid id, string number, EndUseCheckKind kind, Guid partyId, CheckedRole role, Guid? licenceId, Guid? shipmentId, string? reason,
        DateOnly? deadline, int? workingDays, string by, DateTimeOffset now, WorkingDayCalendar calendar, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = ChinaTime.DateOf(now);
        if (deadline is not null && workingDays is not null)
        {
            throw new DomainException("deadline", "Give either a deadline or a number of working days, not both.");
        }

        if (deadline is { } day && day <= today)
        {
            throw new DomainException("deadline", $"The deadline must be after today ({today:yyyy-MM-dd}).");
        }

        if (workingDays is < 1 or > MaxWorkingDays)
        {
            throw new DomainException("workingDays", $"The deadline is 1 to {MaxWorkingDays} working days from today.");
        }

        var check = new EndUseCheck
        {
            Id = id,
            Number = number,
            Kind = kind,
            PartyId = partyId,
            Role = role,
            LicenceId = licenceId,
            ShipmentId = shipmentId,
            Reason = Text(reason, "reason", "A check needs a reason"),
            Status = EndUseCheckStatus.Open,
            StatusSince = today,
            OpenedBy = by,
            OpenedAt = now,
            OpenedOn = today,

            // Working days, as MOFCOM counts its own time limits (art. 17), so a holiday week does not eat the party's time.
            Deadline = deadline ?? calendar.AddWorkingDays(today, workingDays ?? DefaultWorkingDays),
            IsDemo = isDemo,
        };
        check.Record(now, by, "opened", $"{WireName.Of(kind)} check of the {WireName.Of(role)} opened, deadline {check.Deadline:yyyy-MM-dd}: {check.Reason}");
        return check;
    }

    /// <summary>True when the party's time is up and no outcome is recorded.</summary>
    public bool IsOverdue(DateOnly today) => !IsDecided && today > Deadline;

    /// <summary>The officer asks the party for documents (or notifies the visit); the party has until the deadline.</summary>
    public void RequestDocuments(string? note, string by, DateTimeOffset now)
    {
        var text = Text(note, "note", "A request needs to say what is asked for");
        if (Status != EndUseCheckStatus.Open)
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; documents are requested only on an open check.");
        }

        MoveTo(EndUseCheckStatus.DocumentsRequested, now, by, "documents-requested", text);
    }

    /// <summary>The end use is verified as declared.</summary>
    public void Verify(string? findings, string by, DateTimeOffset now) => Decide(EndUseCheckStatus.Verified, "verified", findings, by, now);

    /// <summary>
    /// The party did not cooperate. Recorded only once the deadline has passed: art. 26 lists parties that fail
    /// to cooperate "by the deadline", so an officer cannot cut the party's time short.
    /// </summary>
    public void RecordNonCooperation(string? findings, string by, DateTimeOffset now)
    {
        var today = ChinaTime.DateOf(now);
        if (!IsDecided && today <= Deadline)
        {
            throw new InvalidStateException($"{Number}'s deadline is {Deadline:yyyy-MM-dd}; non-cooperation can be recorded from {Deadline.AddDays(1):yyyy-MM-dd}.");
        }

        Decide(EndUseCheckStatus.NonCooperative, "non-cooperative", findings, by, now);
    }

    /// <summary>A breach of the end-use or end-user commitments (art. 24) was found.</summary>
    public void RecordViolation(string? findings, string by, DateTimeOffset now) => Decide(EndUseCheckStatus.Violation, "violation", findings, by, now);

    /// <summary>Records what the outcome did to a list (e.g. "on cn-watch from version 3"), without changing the status.</summary>
    public void NoteListing(string note, string by, DateTimeOffset now) => Record(now, by, "listing", Text(note, "note", "A listing note is required"));

    private void Decide(EndUseCheckStatus outcome, string action, string? findings, string by, DateTimeOffset now)
    {
        var text = Text(findings, "findings", "An outcome needs the officer's findings");
        if (IsDecided)
        {
            throw new InvalidStateException($"{Number} is already {WireName.Of(Status)}.");
        }

        // A document check decides on the documents it asked for; an on-site check may conclude from the visit itself.
        if (Kind == EndUseCheckKind.Document && Status == EndUseCheckStatus.Open)
        {
            throw new InvalidStateException($"{Number} is a document check and no documents were requested yet; request them first.");
        }

        Findings = text;
        MoveTo(outcome, now, by, action, text);
    }

    private void Record(DateTimeOffset at, string by, string action, string note)
    {
        History = [.. History, new EndUseCheckEvent(at, by, action, Status, note)];
        Version++;
    }

    private void MoveTo(EndUseCheckStatus status, DateTimeOffset at, string by, string action, string note)
    {
        Status = status;
        StatusSince = ChinaTime.DateOf(at);
        Record(at, by, action, note);
    }

    private static string Text(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxTextLength)
        {
            throw new DomainException(field, $"{what} (at most {MaxTextLength} characters).");
        }

        return text.Trim();
    }
}
