using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Lodestone.Services.Veu;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Demo;

/// <summary>
/// The demo's shipments: customs declarations against the demo licences and VEUs on their historical dates,
/// through the same services as real ones. Most goods are released and reported on time; some are held
/// (magnets declared without composition, quantities beyond the balance), some reports are left overdue.
/// Goods that went under a VEU are always reported on time, so the demo VEUs keep the outcomes of their story.
/// </summary>
internal sealed class DemoShipments(LodestoneDbContext db, ReferenceData reference, DemoClock clock, LodestoneOptions options)
{
    private static readonly FixedActor Exporter = new("demo exporter (synthetic)");
    private static readonly FixedActor Officer = new("demo officer (synthetic)");

    private sealed record Planned(DateOnly On, DeclareShipmentRequest Request, bool Urgent);

    /// <summary>Declares, decides and reports the demo's shipments up to yesterday; returns how many were declared.</summary>
    public async Task<int> PlayAsync(DateOnly today, Random rng, CancellationToken ct)
    {
        var plan = new List<Planned>();
        await PlanLicencesAsync(plan, today, rng, ct);
        await PlanVeusAsync(plan, today, rng, ct);
        var exporter = new ShipmentService(db, reference, clock, Exporter, new VeuCaps(db), options, new Analytics.ExportRollups(db));
        var officer = new ShipmentService(db, reference, clock, Officer, new VeuCaps(db), options, new Analytics.ExportRollups(db));
        var released = new List<(Guid Id, bool UnderVeu)>();
        var number = 0;
        foreach (var p in plan.OrderBy(p => p.On))
        {
            clock.Now = DemoClock.At(p.On);
            db.Actor = Exporter;
            var request = p.Request with { DeclarationNumber = $"2205{p.On:yyyyMMdd}{++number:D6}" };
            var shipment = await exporter.DeclareAsync(request, isDemo: true, ct);
            if (shipment.Status == "held" && p.On < today.AddDays(-10))
            {
                // Older holds were settled: composition evidence was produced, or the excess was refused.
                db.Actor = Officer;
                var evidence = shipment.Reasons.Any(r => r.Contains("composition", StringComparison.Ordinal));
                shipment = evidence && !p.Urgent
                    ? await officer.ReleaseAsync(shipment.Id, new ReasonRequest("Test report produced: composition as licensed (synthetic)."), ct)
                    : await officer.RefuseAsync(shipment.Id, new ReasonRequest("Not covered by the balance or the evidence (synthetic)."), ct);
            }

            if (shipment.Status == "released" && shipment.Drawn)
            {
                released.Add((shipment.Id, shipment.VeuId is not null));
            }

            db.ChangeTracker.Clear();
        }

        await FileReportsAsync(released, today, rng, ct);
        clock.Now = DemoClock.At(today);
        db.Actor = FixedActor.System;
        await new ReportService(db, clock, FixedActor.System).RaiseOverdueAsync(ct);
        await new LicenceService(db, FixedActor.System, clock, reference).ExpireDueAsync(ct);
        db.ChangeTracker.Clear();
        return plan.Count;
    }

    /// <summary>One to three declarations per licence, each a share of its quantity; a few go beyond the balance or lack composition.</summary>
    private async Task PlanLicencesAsync(List<Planned> plan, DateOnly today, Random rng, CancellationToken ct)
    {
        var licences = await db.Licences.AsNoTracking().Where(l => l.Type != LicenceType.Registration).ToListAsync(ct);
        var applicationIds = licences.Select(l => l.ApplicationId).ToList();
        var items = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Items, ct);
        foreach (var licence in licences.OrderBy(l => l.IssuedAt))
        {
            var last = Min(licence.ValidUntil, today.AddDays(-1));
            var span = last.DayNumber - licence.ValidFrom.DayNumber;
            if (span < 5)
            {
                continue;
            }

            var product = items[licence.ApplicationId][0].Product;
            var count = rng.Next(1, 4);
            var left = licence.QuantityKg;
            var exhaust = rng.NextDouble() < 0.25;
            var days = Enumerable.Range(0, count).Select(_ => licence.ValidFrom.AddDays(rng.Next(3, span + 1))).Order().ToList();
            foreach (var day in days)
            {
                // A quarter of the licences are used up by their last shipment (an individual one is then exhausted).
                var roll = rng.NextDouble();
                var kg = roll < 0.04 ? left + Math.Max(1m, decimal.Round(licence.QuantityKg * 0.2m))
                    : exhaust && day == days[^1] ? left
                    : decimal.Round(left * (decimal)(0.3 + (rng.NextDouble() * 0.3)));
                if (kg < 1m)
                {
                    break;
                }

                left -= Math.Min(kg, left);
                var composition = roll is >= 0.04 and < 0.09 ? [] : new Dictionary<string, decimal>(product.Composition.PercentByElement);
                plan.Add(new Planned(day, new DeclareShipmentRequest
                {
                    DeclaredOn = day,
                    ExporterId = licence.ExporterId,
                    ConsigneeId = licence.ConsigneeId,
                    EndUserId = licence.EndUserId,
                    Destination = licence.Destination.Value,
                    Currency = licence.Currency,
                    LicenceNumber = licence.Number,
                    Items = [new ShipmentItemDto(product.HsCode ?? "8505.11", WireName.Of(product.Form), composition, product.Description, kg, decimal.Round(licence.Value * kg / licence.QuantityKg, 2))],
                }, Urgent: roll < 0.04));
            }
        }
    }

    /// <summary>Declarations citing a VEU directly, to a covered facility, through its validity.</summary>
    private async Task PlanVeusAsync(List<Planned> plan, DateOnly today, Random rng, CancellationToken ct)
    {
        var veus = await db.VeuAuthorizations.AsNoTracking().Where(v => v.Status == VeuStatus.Active && v.ValidFrom != null).ToListAsync(ct);
        foreach (var veu in veus)
        {
            var from = veu.ValidFrom!.Value;
            var last = Min(veu.ValidUntil!.Value, today.AddDays(-1));
            var span = last.DayNumber - from.DayNumber;
            if (span < 5)
            {
                continue;
            }

            var facility = veu.Facilities[0];
            var code = veu.ControlCodes[0];
            var composition = code.StartsWith("1C904", StringComparison.Ordinal)
                ? new Dictionary<string, decimal> { ["Nd"] = 29, ["Tb"] = 0.6m, ["Fe"] = 69, ["B"] = 1 }
                : new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.9m, ["Fe"] = 69, ["B"] = 1 };
            foreach (var day in Enumerable.Range(0, rng.Next(2, 5)).Select(_ => from.AddDays(rng.Next(3, span + 1))).Order())
            {
                var kg = decimal.Round(veu.AnnualCapKg * (decimal)(0.05 + (rng.NextDouble() * 0.1)));
                plan.Add(new Planned(day, new DeclareShipmentRequest
                {
                    DeclaredOn = day,
                    ExporterId = veu.ExporterIds[0],
                    EndUserId = veu.EndUserId,
                    Destination = facility.Country.Value,
                    Facility = facility.Name,
                    VeuNumber = veu.Number,
                    Items = [new ShipmentItemDto("8505.11", "magnet", composition, "Sintered NdFeB magnets", kg, kg * 55m)],
                }, Urgent: false));
            }
        }
    }

    /// <summary>Files the reports that fell due before today, mostly on time; a tenth of the goods outside VEUs leave one overdue.</summary>
    private async Task FileReportsAsync(IReadOnlyList<(Guid Id, bool UnderVeu)> released, DateOnly today, Random rng, CancellationToken ct)
    {
        var ids = released.Select(r => r.Id).ToList();
        var due = await db.PostShipmentReports.AsNoTracking().Where(r => ids.Contains(r.ShipmentId)).ToListAsync(ct);
        var skipped = released.Where(r => !r.UnderVeu && rng.NextDouble() < 0.1).Select(r => r.Id).ToHashSet();
        var filings = due
            .Select(r => (Report: r, On: r.DueOn.AddDays(-rng.Next(0, 10))))
            .Where(x => x.On < today && !(skipped.Contains(x.Report.ShipmentId) && x.Report.Kind >= Domain.Shipments.ReportKind.Installation))
            .OrderBy(x => x.On);
        var reports = new ReportService(db, clock, Exporter);
        foreach (var (report, on) in filings)
        {
            clock.Now = DemoClock.At(on);
            db.Actor = Exporter;
            var text = report.Kind switch
            {
                Domain.Shipments.ReportKind.Transport => "Shipped by sea from Ningbo; bill of lading attached (synthetic).",
                Domain.Shipments.ReportKind.Arrival => "Received by the consignee; delivery note attached (synthetic).",
                Domain.Shipments.ReportKind.Installation => "Installed in the declared products at the end user's plant (synthetic).",
                _ => "In the declared civil end use; end user's confirmation attached (synthetic).",
            };
            await reports.FileAsync(report.ShipmentId, new FileReportRequest(WireName.Of(report.Kind), text), ct);
            db.ChangeTracker.Clear();
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
