using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Licences;

/// <summary>The type of licence issued.</summary>
public enum LicenceType
{
    /// <summary>Individual licence (单项许可).</summary>
    Individual,

    /// <summary>General licence (通用许可).</summary>
    General,

    /// <summary>Export voucher for a registration filing (登记填报).</summary>
    Registration,
}

/// <summary>Where a licence stands.</summary>
public enum LicenceStatus
{
    /// <summary>Usable.</summary>
    Active,

    /// <summary>Suspended by the authority or pending a key change.</summary>
    Suspended,

    /// <summary>Revoked.</summary>
    Revoked,

    /// <summary>An individual licence fully used.</summary>
    Exhausted,

    /// <summary>Past its validity.</summary>
    Expired,

    /// <summary>Handed back (art. 18 key change).</summary>
    Surrendered,
}

/// <summary>One licensed item line.</summary>
public sealed record LicenceItem(string Description, IReadOnlyList<string> ControlCodes, string? HsCode, decimal QuantityKg, decimal Value);

/// <summary>
/// An export licence: its scope (items × end user × destination × end use), its validity, and the
/// quantity and value balance that shipments draw down.
/// </summary>
public sealed partial class Licence
{
    private Licence()
    {
        Number = string.Empty;
        Currency = "USD";
        PolicyVersion = string.Empty;
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Licence number, e.g. <c>EL-2026-3F9A1C2B</c>.</summary>
    public string Number { get; private set; }

    /// <summary>Type.</summary>
    public LicenceType Type { get; private set; }

    /// <summary>The application it was issued on.</summary>
    public Guid ApplicationId { get; private set; }

    /// <summary>Holder.</summary>
    public Guid ExporterId { get; private set; }

    /// <summary>Consignee.</summary>
    public Guid ConsigneeId { get; private set; }

    /// <summary>End user.</summary>
    public Guid EndUserId { get; private set; }

    /// <summary>Destination.</summary>
    public CountryCode Destination { get; private set; }

    /// <summary>End use.</summary>
    public EndUse EndUse { get; private set; } = new(Routing.EndUseCategory.Other, string.Empty);

    /// <summary>Licensed items.</summary>
    public IReadOnlyList<LicenceItem> Items { get; private set; } = [];

    /// <summary>Currency of values.</summary>
    public string Currency { get; private set; }

    /// <summary>Total licensed quantity.</summary>
    public decimal QuantityKg { get; private set; }

    /// <summary>Total licensed value.</summary>
    public decimal Value { get; private set; }

    /// <summary>Quantity already shipped.</summary>
    public decimal UsedKg { get; private set; }

    /// <summary>Value already shipped.</summary>
    public decimal UsedValue { get; private set; }

    /// <summary>First valid day.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last valid day.</summary>
    public DateOnly ValidUntil { get; private set; }

    /// <summary>Status.</summary>
    public LicenceStatus Status { get; private set; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Who issued it.</summary>
    public string IssuedBy { get; private set; } = string.Empty;

    /// <summary>Policy version of the routing.</summary>
    public string PolicyVersion { get; private set; }

    /// <summary>Rules that fired.</summary>
    public IReadOnlyList<string> RuleIds { get; private set; } = [];

    /// <summary>True for synthetic demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Why it is suspended, and whether a key change (art. 18) or the authority suspended it.</summary>
    public LicenceSuspension? Suspension { get; private set; }

    /// <summary>Every change of status and every drawdown's effect on the status, oldest first.</summary>
    public IReadOnlyList<LicenceEvent> History { get; private set; } = [];

    /// <summary>Optimistic-concurrency version.</summary>
    public int Version { get; private set; }

    /// <summary>Quantity left.</summary>
    public decimal RemainingKg => QuantityKg - UsedKg;

    /// <summary>Value left.</summary>
    public decimal RemainingValue => Value - UsedValue;

    /// <summary>
    /// Issues the licence for an approved application. Validity follows art. 15: an individual licence
    /// (and a registration voucher) at most one year, a general licence at most three.
    /// </summary>
    public static Licence Issue(Guid id, string number, LicenceApplication application, string issuedBy, DateTimeOffset now, int? validityMonths = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        var type = application.Channel switch
        {
            Channel.General => LicenceType.General,
            Channel.Registration => LicenceType.Registration,
            _ => LicenceType.Individual,
        };
        var maxMonths = MaxValidityMonths(type);
        var months = validityMonths ?? maxMonths;
        if (months < 1 || months > maxMonths)
        {
            throw new DomainException("validityMonths", $"A {WireName.Of(type)} licence is valid for 1 to {maxMonths} months; got {months}.");
        }

        var from = ChinaTime.DateOf(now);
        return new Licence
        {
            Id = id,
            Number = number,
            Type = type,
            ApplicationId = application.Id,
            ExporterId = application.ExporterId,
            ConsigneeId = application.ConsigneeId,
            EndUserId = application.EndUserId,
            Destination = application.Destination,
            EndUse = application.EndUse,
            Items = application.Items.Select(i => new LicenceItem(i.Product.Description ?? WireName.Of(i.Product.Form), i.ControlCodes, i.Product.HsCode, i.QuantityKg, i.Value)).ToList(),
            Currency = application.Currency,
            QuantityKg = application.Items.Sum(i => i.QuantityKg),
            Value = application.Items.Sum(i => i.Value),
            ValidFrom = from,
            ValidUntil = from.AddMonths(months).AddDays(-1),
            Status = LicenceStatus.Active,
            IssuedAt = now,
            IssuedBy = issuedBy,
            PolicyVersion = application.PolicyVersion ?? string.Empty,
            RuleIds = application.RuleIds,
            IsDemo = application.IsDemo,
            History = [new LicenceEvent(now, issuedBy, "issued", LicenceStatus.Active, $"Issued on {application.Number}.")],
        };
    }

    /// <summary>The longest validity art. 15 allows for a licence type.</summary>
    public static int MaxValidityMonths(LicenceType type) => type == LicenceType.General ? 36 : 12;
}
