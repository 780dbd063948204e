using Lodestone.Domain.Common;

namespace Lodestone.Domain.Shipments;

/// <summary>
/// A customs declaration and what became of the goods: checked against the licence or VEU it cites,
/// released (drawing the balance), held for an officer, or refused; then followed by post-shipment reports.
/// </summary>
public sealed class Shipment
{
    private Shipment()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Customs declaration number.</summary>
    public string Number { get; private set; } = string.Empty;

    /// <summary>Declaration date.</summary>
    public DateOnly DeclaredOn { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>Who recorded it.</summary>
    public string DeclaredBy { get; private set; } = string.Empty;

    /// <summary>Exporter.</summary>
    public Guid ExporterId { get; private set; }

    /// <summary>Consignee.</summary>
    public Guid ConsigneeId { get; private set; }

    /// <summary>End user.</summary>
    public Guid EndUserId { get; private set; }

    /// <summary>Destination.</summary>
    public CountryCode Destination { get; private set; }

    /// <summary>The end user's facility.</summary>
    public string? Facility { get; private set; }

    /// <summary>Currency of values.</summary>
    public string Currency { get; private set; } = "USD";

    /// <summary>Lines.</summary>
    public IReadOnlyList<ShipmentItem> Items { get; private set; } = [];

    /// <summary>Total quantity.</summary>
    public decimal QuantityKg { get; private set; }

    /// <summary>Total value.</summary>
    public decimal Value { get; private set; }

    /// <summary>How it is authorised.</summary>
    public AuthorisationKind Authorisation { get; private set; }

    /// <summary>The licence cited, when it exists.</summary>
    public Guid? LicenceId { get; private set; }

    /// <summary>The VEU cited (directly, or through the fast-track licence cited), when it exists.</summary>
    public Guid? VeuId { get; private set; }

    /// <summary>The licence or VEU number as declared.</summary>
    public string? AuthorisationNumber { get; private set; }

    /// <summary>Status.</summary>
    public ShipmentStatus Status { get; private set; }

    /// <summary>The reasons of the last check or decision.</summary>
    public IReadOnlyList<string> Reasons { get; private set; } = [];

    /// <summary>True once the quantity and value were drawn from the licence or VEU.</summary>
    public bool Drawn { get; private set; }

    /// <summary>History, oldest first.</summary>
    public IReadOnlyList<ShipmentEvent> History { get; private set; } = [];

    /// <summary>True for synthetic demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Optimistic-concurrency version.</summary>
    public int Version { get; private set; }

    /// <summary>True while it waits for an officer.</summary>
    public bool IsHeld => Status == ShipmentStatus.Held;

    /// <summary>Records a checked declaration. A released one must be drawn by the caller in the same save.</summary>
    public static Shipment Declare(
        Guid id, ShipmentDeclaration declaration, DeclarationOutcome outcome, Guid? licenceId, Guid? veuId, string by, DateTimeOffset now, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(outcome);
        declaration.Validate();
        var shipment = new Shipment
        {
            Id = id,
            Number = declaration.Number.Trim(),
            DeclaredOn = declaration.DeclaredOn,
            DeclaredAt = now,
            DeclaredBy = by,
            ExporterId = declaration.ExporterId,
            ConsigneeId = declaration.ConsigneeId,
            EndUserId = declaration.EndUserId,
            Destination = declaration.Destination,
            Facility = string.IsNullOrWhiteSpace(declaration.Facility) ? null : declaration.Facility.Trim(),
            Currency = declaration.Currency,
            Items = declaration.Items,
            QuantityKg = declaration.QuantityKg,
            Value = declaration.Value,
            Authorisation = declaration.LicenceNumber is not null ? AuthorisationKind.Licence : declaration.VeuNumber is not null ? AuthorisationKind.Veu : AuthorisationKind.None,
            AuthorisationNumber = declaration.LicenceNumber ?? declaration.VeuNumber,
            LicenceId = licenceId,
            VeuId = veuId,
            Status = outcome.Status,
            Reasons = outcome.Reasons,
            Drawn = outcome.Status == ShipmentStatus.Released && (licenceId is not null || veuId is not null),
            IsDemo = isDemo,
        };
        shipment.History = [new ShipmentEvent(now, by, "declared", outcome.Status, string.Join(" ", outcome.Reasons))];
        return shipment;
    }

    /// <summary>The declaration as recorded, to check it again (an officer's release re-runs the checks).</summary>
    public ShipmentDeclaration ToDeclaration() => new()
    {
        Number = Number,
        DeclaredOn = DeclaredOn,
        ExporterId = ExporterId,
        ConsigneeId = ConsigneeId,
        EndUserId = EndUserId,
        Destination = Destination,
        Facility = Facility,
        Currency = Currency,
        Items = Items,
        LicenceNumber = Authorisation == AuthorisationKind.Licence ? AuthorisationNumber : null,
        VeuNumber = Authorisation == AuthorisationKind.Veu ? AuthorisationNumber : null,
    };

    /// <summary>
    /// An officer releases held goods (the evidence was produced, or the authorisation now covers them).
    /// <paramref name="drawn"/> is true when the caller drew the balance for it.
    /// </summary>
    public void Release(string? reason, bool drawn, string by, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A release");
        RequireHeld("released");
        Drawn = drawn;
        MoveTo(ShipmentStatus.Released, [text], now, by, "released", text);
    }

    /// <summary>An officer refuses held goods.</summary>
    public void Refuse(string? reason, string by, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A refusal");
        RequireHeld("refused");
        MoveTo(ShipmentStatus.Refused, [text], now, by, "refused", text);
    }

    /// <summary>A post-shipment report moves the goods along: arrival → arrived; use → in use (art. 18).</summary>
    public void OnReportFiled(ReportKind kind, string by, DateTimeOffset now)
    {
        if (Status is not (ShipmentStatus.Released or ShipmentStatus.Arrived or ShipmentStatus.InUse))
        {
            throw new InvalidStateException($"Declaration {Number} is {WireName.Of(Status)}; reports follow released goods only.");
        }

        var next = kind switch
        {
            ReportKind.Arrival when Status == ShipmentStatus.Released => ShipmentStatus.Arrived,
            ReportKind.Installation or ReportKind.Use when Status != ShipmentStatus.InUse => kind == ReportKind.Use ? ShipmentStatus.InUse : Status,
            _ => Status,
        };
        if (next != Status)
        {
            MoveTo(next, Reasons, now, by, WireName.Of(next), $"The {WireName.Of(kind)} report was filed.");
        }
    }

    private void RequireHeld(string to)
    {
        if (Status != ShipmentStatus.Held)
        {
            throw new InvalidStateException($"Declaration {Number} is {WireName.Of(Status)}; only held goods can be {to}.");
        }
    }

    private void MoveTo(ShipmentStatus status, IReadOnlyList<string> reasons, DateTimeOffset at, string by, string action, string reason)
    {
        Status = status;
        Reasons = reasons;
        History = [.. History, new ShipmentEvent(at, by, action, status, reason)];
        Version++;
    }

    private static string CheckReason(string? reason, string what) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2000
            ? throw new DomainException("reason", $"{what} needs a reason of at most 2000 characters.")
            : reason.Trim();
}
