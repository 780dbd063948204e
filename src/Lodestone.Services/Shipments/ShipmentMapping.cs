using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Shipments;
using Lodestone.Services.Contracts;

namespace Lodestone.Services.Shipments;

/// <summary>Shipments, reports and licence changes as the API shows them.</summary>
public static class ShipmentMapping
{
    public static ShipmentResponse ToResponse(Shipment s, IReadOnlyDictionary<Guid, Party> parties, IEnumerable<PostShipmentReport> reports, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(parties);
        return new ShipmentResponse
        {
            Id = s.Id,
            DeclarationNumber = s.Number,
            DeclaredOn = s.DeclaredOn,
            DeclaredAt = s.DeclaredAt,
            DeclaredBy = s.DeclaredBy,
            Exporter = ResponseMapping.Ref(parties.GetValueOrDefault(s.ExporterId), s.ExporterId),
            Consignee = ResponseMapping.Ref(parties.GetValueOrDefault(s.ConsigneeId), s.ConsigneeId),
            EndUser = ResponseMapping.Ref(parties.GetValueOrDefault(s.EndUserId), s.EndUserId),
            Destination = s.Destination.Value,
            Facility = s.Facility,
            Currency = s.Currency,
            Items = s.Items.Select(i => new ShipmentItemResponse(
                i.Product.HsCode, WireName.Of(i.Product.Form), i.Product.Composition.PercentByElement, i.Product.Description, i.QuantityKg, i.Value, i.ControlCodes, i.MissingEvidence)).ToList(),
            QuantityKg = s.QuantityKg,
            Value = s.Value,
            Authorisation = WireName.Of(s.Authorisation),
            AuthorisationNumber = s.AuthorisationNumber,
            LicenceId = s.LicenceId,
            VeuId = s.VeuId,
            Status = WireName.Of(s.Status),
            Reasons = s.Reasons,
            Drawn = s.Drawn,
            History = s.History.Select(e => new HistoryEventResponse(e.At, e.By, e.Action, WireName.Of(e.Status), e.Reason)).ToList(),
            Reports = reports.OrderBy(r => r.Kind).Select(r => ToResponse(r, s, parties, today)).ToList(),
        };
    }

    public static ShipmentSummary ToSummary(Shipment s, IReadOnlyDictionary<Guid, Party> parties)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(parties);
        return new ShipmentSummary(
            s.Id, s.Number, s.DeclaredOn, ResponseMapping.Ref(parties.GetValueOrDefault(s.ExporterId), s.ExporterId),
            ResponseMapping.Ref(parties.GetValueOrDefault(s.EndUserId), s.EndUserId), s.Destination.Value, s.QuantityKg, s.Value, s.Currency,
            s.AuthorisationNumber, WireName.Of(s.Status), s.Reasons);
    }

    public static ReportResponse ToResponse(PostShipmentReport r, Shipment s, IReadOnlyDictionary<Guid, Party> parties, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(parties);
        return new ReportResponse(
            r.Id, r.ShipmentId, s.Number, ResponseMapping.Ref(parties.GetValueOrDefault(s.ExporterId), s.ExporterId), WireName.Of(r.Kind), r.DueOn, r.FiledAt, r.FiledBy, r.Text,
            r.IsOverdueOn(today), r.FiledAt is { } filed && ChinaTime.DateOf(filed) > r.DueOn, r.OverdueRaisedAt);
    }

    public static LicenceChangeResponse ToResponse(LicenceChange c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new LicenceChangeResponse(
            c.Id, c.LicenceId, c.Fields.Select(f => WireName.Of(f)).ToList(), c.IsKey, c.Description, WireName.Of(c.Status), c.RequestedBy, c.RequestedAt,
            c.DueDate, c.DecidedBy, c.DecidedAt, c.DecisionReason);
    }

    public static LicenceSummary ToSummary(Licence l, IReadOnlyDictionary<Guid, Party> parties)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(parties);
        return new LicenceSummary(
            l.Id, l.Number, WireName.Of(l.Type), WireName.Of(l.Status), ResponseMapping.Ref(parties.GetValueOrDefault(l.ExporterId), l.ExporterId),
            ResponseMapping.Ref(parties.GetValueOrDefault(l.EndUserId), l.EndUserId), l.Destination.Value, l.QuantityKg, l.UsedKg, l.ValidFrom, l.ValidUntil);
    }
}
