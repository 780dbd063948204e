using Lodestone.Domain.Applications;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;

namespace Lodestone.Services.Contracts;

/// <summary>Domain to response shapes.</summary>
public static class ResponseMapping
{
    public static PartyRef Ref(Party? party, Guid id) =>
        party is null ? new PartyRef(id, "(unknown party)", null, "--") : new PartyRef(party.Id, party.Name, party.ChineseName, party.Country.Value);

    public static ClassificationResponse ToResponse(ClassificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ClassificationResponse(
            result.Controlled,
            result.Entries.Select(e => new ClassificationEntryResponse(e.Code, e.Reason)).ToList(),
            result.MissingEvidence,
            result.Notes,
            result.AsOf,
            result.ControlListVersion);
    }

    public static ApplicationResponse ToResponse(LicenceApplication a, IReadOnlyDictionary<Guid, Party> parties)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(parties);
        return new ApplicationResponse
        {
            Id = a.Id,
            Number = a.Number,
            Status = WireName.Of(a.Status),
            Lane = a.Lane is { } lane ? WireName.Of(lane) : null,
            Reasons = a.Reasons.Select(r => new ReasonResponse(r.Rule, r.Text)).ToList(),
            DueDate = a.DueDate,
            PolicyVersion = a.PolicyVersion,
            RuleIds = a.RuleIds,
            Channel = WireName.Of(a.Channel),
            Exporter = Ref(parties.GetValueOrDefault(a.ExporterId), a.ExporterId),
            Consignee = Ref(parties.GetValueOrDefault(a.ConsigneeId), a.ConsigneeId),
            EndUser = Ref(parties.GetValueOrDefault(a.EndUserId), a.EndUserId),
            Facility = a.Facility,
            EndUse = new EndUseDto(WireName.Of(a.EndUse.Category), a.EndUse.Description),
            Destination = a.Destination.Value,
            Currency = a.Currency,
            Items = a.Items.Select(ToResponse).ToList(),
            VeuId = a.VeuId,
            Documents = a.Documents.Select(d => WireName.Of(d)).ToList(),
            SubmittedAt = a.SubmittedAt,
            AcceptedOn = a.AcceptedOn,
            WorkingDayLimit = a.WorkingDayLimit,
            ClockStops = a.ClockStops.Select(s => new ClockStopResponse(s.Id, WireName.Of(s.Reason), s.Note, s.From, s.To)).ToList(),
            Decision = a.Decision is { } d
                ? new DecisionResponse(WireName.Of(d.Outcome), d.Reason, d.DecidedBy, d.DecidedAt, d.Override, d.PolicyVersion, d.RuleIds)
                : null,
            LicenceId = a.LicenceId,
            IsDemo = a.IsDemo,
        };
    }

    public static ApplicationSummary ToSummary(LicenceApplication a, IReadOnlyDictionary<Guid, Party> parties)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(parties);
        return new ApplicationSummary(
            a.Id,
            a.Number,
            WireName.Of(a.Status),
            a.Lane is { } lane ? WireName.Of(lane) : null,
            a.DueDate,
            a.Destination.Value,
            WireName.Of(a.Channel),
            Ref(parties.GetValueOrDefault(a.ExporterId), a.ExporterId),
            Ref(parties.GetValueOrDefault(a.EndUserId), a.EndUserId),
            a.Items.Sum(i => i.QuantityKg),
            a.SubmittedAt);
    }

    public static LicenceResponse ToResponse(Licence l, IReadOnlyDictionary<Guid, Party> parties)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(parties);
        return new LicenceResponse
        {
            Id = l.Id,
            Number = l.Number,
            Type = WireName.Of(l.Type),
            Status = WireName.Of(l.Status),
            ApplicationId = l.ApplicationId,
            Exporter = Ref(parties.GetValueOrDefault(l.ExporterId), l.ExporterId),
            Consignee = Ref(parties.GetValueOrDefault(l.ConsigneeId), l.ConsigneeId),
            EndUser = Ref(parties.GetValueOrDefault(l.EndUserId), l.EndUserId),
            Destination = l.Destination.Value,
            EndUse = new EndUseDto(WireName.Of(l.EndUse.Category), l.EndUse.Description),
            Items = l.Items.Select(i => new LicenceItemResponse(i.Description, i.ControlCodes, i.HsCode, i.QuantityKg, i.Value)).ToList(),
            Currency = l.Currency,
            QuantityKg = l.QuantityKg,
            Value = l.Value,
            UsedKg = l.UsedKg,
            UsedValue = l.UsedValue,
            RemainingKg = l.RemainingKg,
            RemainingValue = l.RemainingValue,
            ValidFrom = l.ValidFrom,
            ValidUntil = l.ValidUntil,
            IssuedAt = l.IssuedAt,
            IssuedBy = l.IssuedBy,
            PolicyVersion = l.PolicyVersion,
            RuleIds = l.RuleIds,
            Suspension = l.Suspension is { } s ? new SuspensionResponse(WireName.Of(s.Kind), s.Reason, s.Since) : null,
            History = l.History.Select(e => new HistoryEventResponse(e.At, e.By, e.Action, WireName.Of(e.Status), e.Reason)).ToList(),
        };
    }

    private static ItemResponse ToResponse(ApplicationItem i) => new(
        WireName.Of(i.Product.Form),
        i.Product.Composition.PercentByElement,
        i.Product.HsCode,
        i.Product.Description,
        i.QuantityKg,
        i.Value,
        i.ControlCodes,
        i.MissingEvidence);
}
