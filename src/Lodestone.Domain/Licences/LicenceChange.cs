using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Licences;

/// <summary>What a change to a licence touches. The first four are art. 18's key elements.</summary>
public enum LicenceChangeField
{
    /// <summary>The licensed items (key).</summary>
    Item,

    /// <summary>The destination country (key).</summary>
    Destination,

    /// <summary>The end user (key).</summary>
    EndUser,

    /// <summary>The end use (key).</summary>
    EndUse,

    /// <summary>The consignee (needs a new application: the licence names it).</summary>
    Consignee,

    /// <summary>The holder's own particulars (name, address, contact).</summary>
    ExporterDetails,

    /// <summary>Port, carrier or route.</summary>
    Transport,

    /// <summary>Anything else that is not a key element.</summary>
    Other,
}

/// <summary>Where a change request stands.</summary>
public enum LicenceChangeStatus
{
    /// <summary>A non-key change waiting for the officer's decision.</summary>
    Pending,

    /// <summary>A non-key change approved.</summary>
    Approved,

    /// <summary>A non-key change refused.</summary>
    Refused,

    /// <summary>A key change: it cannot be decided on the licence; a new application is needed.</summary>
    NewApplicationRequired,
}

/// <summary>
/// A request to change a licence (Dual-Use Items Regulations art. 18). A change of a key element (item,
/// destination, end user, end use) needs a new application and stops exports under the licence; any other
/// change is decided on the licence within 20 working days.
/// </summary>
public sealed class LicenceChange
{
    /// <summary>The working days art. 18 gives the authority to decide a non-key change.</summary>
    public const int NonKeyDecisionWorkingDays = 20;

    private LicenceChange()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The licence it changes.</summary>
    public Guid LicenceId { get; private set; }

    /// <summary>What it touches.</summary>
    public IReadOnlyList<LicenceChangeField> Fields { get; private set; } = [];

    /// <summary>True when it touches a key element.</summary>
    public bool IsKey { get; private set; }

    /// <summary>The change asked for.</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>Status.</summary>
    public LicenceChangeStatus Status { get; private set; }

    /// <summary>Who asked.</summary>
    public string RequestedBy { get; private set; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The decision's due date (non-key changes only).</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The decision's reason.</summary>
    public string? DecisionReason { get; private set; }

    /// <summary>Optimistic-concurrency version.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// True for a change that needs a new application: art. 18's key elements, and the consignee, which the
    /// licence names and customs checks on every declaration, so it cannot change on the licence itself.
    /// </summary>
    public static bool IsKeyField(LicenceChangeField field) =>
        field is LicenceChangeField.Item or LicenceChangeField.Destination or LicenceChangeField.EndUser or LicenceChangeField.EndUse or LicenceChangeField.Consignee;

    /// <summary>
    /// Records a change request. A key change suspends the licence at once (the caller does it through
    /// <see cref="Licence.SuspendForKeyChange"/>); a non-key change is due within 20 working days.
    /// </summary>
    public static LicenceChange Request(Guid id, Licence licence, IReadOnlyList<LicenceChangeField> fields, string? description, string by, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(licence);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(calendar);
        if (fields.Count == 0)
        {
            throw new DomainException("fields", $"Name what changes: one or more of {WireName.AllowedList<LicenceChangeField>()}.");
        }

        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > Licence.MaxReasonLength)
        {
            throw new DomainException("description", $"Describe the change in at most {Licence.MaxReasonLength} characters.");
        }

        if (licence.Status is not (LicenceStatus.Active or LicenceStatus.Suspended))
        {
            throw new InvalidStateException($"Licence {licence.Number} is {WireName.Of(licence.Status)}; only a live licence can be changed.");
        }

        var isKey = fields.Any(IsKeyField);
        return new LicenceChange
        {
            Id = id,
            LicenceId = licence.Id,
            Fields = fields.Distinct().ToList(),
            IsKey = isKey,
            Description = description.Trim(),
            Status = isKey ? LicenceChangeStatus.NewApplicationRequired : LicenceChangeStatus.Pending,
            RequestedBy = by,
            RequestedAt = now,
            DueDate = isKey ? null : calendar.AddWorkingDays(ChinaTime.DateOf(now), NonKeyDecisionWorkingDays),
        };
    }

    /// <summary>The officer approves or refuses a pending non-key change.</summary>
    public void Decide(bool approve, string? reason, string by, DateTimeOffset now)
    {
        if (Status != LicenceChangeStatus.Pending)
        {
            throw new InvalidStateException(IsKey
                ? "A key change is not decided on the licence: the holder files a new application (art. 18)."
                : $"This change was already {WireName.Of(Status)}.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Licence.MaxReasonLength)
        {
            throw new DomainException("reason", $"A decision needs a reason of at most {Licence.MaxReasonLength} characters.");
        }

        Status = approve ? LicenceChangeStatus.Approved : LicenceChangeStatus.Refused;
        DecidedBy = by;
        DecidedAt = now;
        DecisionReason = reason.Trim();
        Version++;
    }
}
