using Lodestone.Domain.Common;
using Lodestone.Domain.Shipments;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Shipments;

/// <summary>
/// Post-shipment reports (art. 18): the exporter files them; reports past due are raised to officers once,
/// and an overdue report on goods that went under a VEU puts that VEU under review (domain.md §4.2).
/// </summary>
public sealed class ReportService(LodestoneDbContext db, TimeProvider time, ICurrentActor actor)
{
    /// <summary>The states a report list can be filtered by.</summary>
    public static readonly IReadOnlyList<string> States = ["due", "overdue", "filed"];

    /// <summary>Reports the caller may see: <c>due</c> (not yet filed), <c>overdue</c>, <c>filed</c>, or all; earliest due first.</summary>
    public async Task<PagedList<ReportResponse>> ListAsync(string? state, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 100_000);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var shipments = Visibility.Shipments(db.Shipments.AsNoTracking(), actor);
        var query = db.PostShipmentReports.AsNoTracking().Where(r => shipments.Any(s => s.Id == r.ShipmentId));
        query = state?.Trim().ToLowerInvariant() switch
        {
            null or "" => query,
            "due" => query.Where(r => r.FiledAt == null),
            "overdue" => query.Where(r => r.FiledAt == null && r.DueOn < today),
            "filed" => query.Where(r => r.FiledAt != null),
            _ => throw new DomainException("state", $"'{state}' is not a report state; use one of {string.Join(", ", States)}."),
        };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.DueOn).ThenBy(r => r.ShipmentId).ThenBy(r => r.Kind).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.ShipmentId).Distinct().ToList();
        var byId = await db.Shipments.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var parties = await db.Parties.ByIdsAsync(byId.Values.Select(s => s.ExporterId), ct);
        return new PagedList<ReportResponse>(rows.Select(r => ShipmentMapping.ToResponse(r, byId[r.ShipmentId], parties, today)).ToList(), page, pageSize, total);
    }

    /// <summary>The shipment's exporter files one of its reports; an arrival or use report moves the shipment on.</summary>
    public async Task<ReportResponse> FileAsync(Guid shipmentId, FileReportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            throw new DomainException("kind", $"Name the report: one of {WireName.AllowedList<ReportKind>()}.");
        }

        var kind = WireName.Parse<ReportKind>(request.Kind, "kind");
        var shipment = await Visibility.Shipments(db.Shipments, actor).FirstOrDefaultAsync(s => s.Id == shipmentId, ct)
            ?? throw new NotFoundException(null, $"Shipment {shipmentId} does not exist.");
        if (actor.IsOrganisationScoped && shipment.ExporterId != actor.OrganisationId)
        {
            throw new NotFoundException(null, $"Shipment {shipmentId} does not exist.");
        }

        var report = await db.PostShipmentReports.FirstOrDefaultAsync(r => r.ShipmentId == shipmentId && r.Kind == kind, ct)
            ?? throw new InvalidStateException($"Declaration {shipment.Number} owes no {WireName.Of(kind)} report: reports follow goods released under a licence or VEU.");
        var now = time.GetUtcNow();
        report.File(request.Text, actor.Name, now);
        shipment.OnReportFiled(kind, actor.Name, now);
        await db.SaveChangesAsync(ct);
        var parties = await db.Parties.ByIdsAsync([shipment.ExporterId], CancellationToken.None);
        return ShipmentMapping.ToResponse(report, shipment, parties, ChinaTime.DateOf(now));
    }

    /// <summary>
    /// Raises every report that has newly gone past due, once, and puts the VEUs those goods went under into
    /// review. Idempotent, so any instance may run it. Returns the reports raised and the VEUs put under review.
    /// </summary>
    public async Task<(int Raised, int VeusUnderReview)> RaiseOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var due = await db.PostShipmentReports.Where(r => r.FiledAt == null && r.OverdueRaisedAt == null && r.DueOn < today).ToListAsync(ct);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var ids = due.Select(r => r.ShipmentId).Distinct().ToList();
        var shipments = await db.Shipments.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var veuIds = shipments.Values.Where(s => s.VeuId is not null).Select(s => s.VeuId!.Value).Distinct().ToList();
        var veus = await db.VeuAuthorizations.Where(v => veuIds.Contains(v.Id) && v.Status == VeuStatus.Active).ToDictionaryAsync(v => v.Id, ct);
        var reviewed = 0;
        foreach (var report in due.Where(r => r.RaiseIfOverdue(today, now)))
        {
            var shipment = shipments[report.ShipmentId];
            if (shipment.VeuId is { } veuId && veus.TryGetValue(veuId, out var veu)
                && veu.PutUnderReview($"The {WireName.Of(report.Kind)} report on declaration {shipment.Number} was due on {report.DueOn:yyyy-MM-dd} and is overdue (art. 18).", "system", now))
            {
                reviewed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return (due.Count, reviewed);
    }
}
