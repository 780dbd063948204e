using Lodestone.Domain.Common;
using Lodestone.Domain.Shipments;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Shipments;

/// <summary>
/// Customs declarations: checked against the licence or VEU they cite, released (drawing the balance), held
/// for an officer or refused; officers then release or refuse held goods.
/// </summary>
/// <remarks>
/// A licence's balance is drawn through the licence's concurrency token: two declarations that read the same
/// balance cannot both save, and the loser reads the new balance and is checked again, so concurrent
/// declarations never overdraw a licence. A VEU's cap is drawn with <see cref="VeuCaps"/>' conditional update.
/// </remarks>
public sealed class ShipmentService(
    LodestoneDbContext db, ReferenceData reference, TimeProvider time, ICurrentActor actor, VeuCaps caps, LodestoneOptions options, Analytics.ExportRollups rollups)
{
    /// <summary>How often a declaration that lost a race for its licence's balance is checked again.</summary>
    private const int MaxAttempts = 100;

    public Task<ShipmentResponse> DeclareAsync(DeclareShipmentRequest request, CancellationToken ct) => DeclareAsync(request, isDemo: false, ct);

    /// <summary>Checks and records one declaration, marking it as demo data when <paramref name="isDemo"/> is true.</summary>
    public async Task<ShipmentResponse> DeclareAsync(DeclareShipmentRequest request, bool isDemo, CancellationToken ct)
    {
        var shipment = await RetryOnConflictAsync(() => DeclareOnceAsync(request, isDemo, ct));
        return await GetAsync(shipment.Id, CancellationToken.None);
    }

    /// <summary>
    /// Records many declarations in one transaction: if any is malformed, nothing is kept. <paramref name="where"/>
    /// turns a request's index and the field at fault into the place in the file (line and column) for the error.
    /// </summary>
    public async Task<ShipmentImportResult> ImportAsync(IReadOnlyList<DeclareShipmentRequest> requests, Func<int, string?, string> where, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(where);
        var numbers = requests.Select((r, i) => (Number: r.DeclarationNumber?.Trim() ?? string.Empty, i)).GroupBy(x => x.Number, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (numbers is not null)
        {
            throw new DomainException(where(numbers.Skip(1).First().i, "declarationNumber"), $"declaration {numbers.Key} appears twice; give each declaration's items on consecutive lines.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recorded = new List<Shipment>();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                recorded.Add(await DeclareOnceAsync(requests[i], isDemo: false, ct));
            }
            catch (DomainException e)
            {
                throw new DomainException(where(i, e.Field), e.Message);
            }

            // Keep the change tracker small so a long file is checked in linear time; the recorded rows stay readable.
            db.ChangeTracker.Clear();
            progress?.Report(i + 1);
        }

        await transaction.CommitAsync(ct);
        var parties = await db.Parties.ByIdsAsync(recorded.SelectMany(s => new[] { s.ExporterId, s.EndUserId }), CancellationToken.None);
        return new ShipmentImportResult(
            recorded.Count,
            recorded.Count(s => s.Status == ShipmentStatus.Released),
            recorded.Count(s => s.Status == ShipmentStatus.Held),
            recorded.Count(s => s.Status == ShipmentStatus.Refused),
            recorded.Select(s => ShipmentMapping.ToSummary(s, parties)).ToList());
    }

    public async Task<ShipmentResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var shipment = await Visibility.Shipments(db.Shipments.AsNoTracking(), actor).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(null, $"Shipment {id} does not exist.");
        var reports = await db.PostShipmentReports.AsNoTracking().Where(r => r.ShipmentId == id).ToListAsync(ct);
        var parties = await db.Parties.ByIdsAsync([shipment.ExporterId, shipment.ConsigneeId, shipment.EndUserId], ct);
        return ShipmentMapping.ToResponse(shipment, parties, reports, ChinaTime.DateOf(time.GetUtcNow()));
    }

    /// <summary>Shipments the caller may see, newest first (held ones oldest first: the queue order).</summary>
    public async Task<PagedList<ShipmentSummary>> ListAsync(string? status, Guid? licenceId, Guid? veuId, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 100_000);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = Visibility.Shipments(db.Shipments.AsNoTracking(), actor);
        ShipmentStatus? wanted = string.IsNullOrWhiteSpace(status) ? null : WireName.Parse<ShipmentStatus>(status, "status");
        if (wanted is { } s)
        {
            query = query.Where(x => x.Status == s);
        }

        if (licenceId is { } l)
        {
            query = query.Where(x => x.LicenceId == l);
        }

        if (veuId is { } v)
        {
            query = query.Where(x => x.VeuId == v);
        }

        var total = await query.CountAsync(ct);
        var ordered = wanted == ShipmentStatus.Held
            ? query.OrderBy(x => x.DeclaredOn).ThenBy(x => x.Number)
            : query.OrderByDescending(x => x.DeclaredOn).ThenByDescending(x => x.Number);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var parties = await db.Parties.ByIdsAsync(rows.SelectMany(x => new[] { x.ExporterId, x.EndUserId }), ct);
        return new PagedList<ShipmentSummary>(rows.Select(x => ShipmentMapping.ToSummary(x, parties)).ToList(), page, pageSize, total);
    }

    /// <summary>
    /// An officer releases held goods. The licence or VEU must still be in force with enough balance; the
    /// officer's release answers only the doubt that held them (the evidence, the classification).
    /// </summary>
    public async Task<ShipmentResponse> ReleaseAsync(Guid id, ReasonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RetryOnConflictAsync(() => ReleaseOnceAsync(id, request.Reason, ct));
        return await GetAsync(id, CancellationToken.None);
    }

    public async Task<ShipmentResponse> RefuseAsync(Guid id, ReasonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shipment = await LoadAsync(id, ct);
        shipment.Refuse(request.Reason, actor.Name, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, CancellationToken.None);
    }

    private async Task<Shipment> DeclareOnceAsync(DeclareShipmentRequest request, bool isDemo, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var declaration = DeclarationMapping.ToDeclaration(request, reference.ControlList, ChinaTime.DateOf(now));
        await RequirePartiesAsync(declaration, ct);
        if (await db.Shipments.AnyAsync(s => s.Number == declaration.Number, ct))
        {
            throw new InvalidStateException($"Declaration {declaration.Number} is already recorded.");
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var shipment = declaration switch
            {
                { LicenceNumber: { } number } => await AgainstLicenceAsync(declaration, number, isDemo, now, ct),
                { VeuNumber: { } number } => await AgainstVeuAsync(declaration, number, isDemo, now, ct),
                _ => Shipment.Declare(Identifiers.NewId(time), declaration, DeclarationCheck.WithoutAuthorisation(declaration), null, null, actor.Name, now, isDemo),
            };
            db.Shipments.Add(shipment);
            ScheduleReports(shipment);
            if (shipment.Status == ShipmentStatus.Released)
            {
                await rollups.AddAsync(shipment, ct);
            }

            await db.SaveChangesAsync(ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }

            return shipment;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task<Shipment> AgainstLicenceAsync(ShipmentDeclaration declaration, string number, bool isDemo, DateTimeOffset now, CancellationToken ct)
    {
        // Only the holder's own licence is looked up: to anyone else another exporter's number does not
        // exist, so a declaration cannot be used to read someone else's balance, scope or status.
        var licence = await db.Licences.FirstOrDefaultAsync(l => l.Number == number && l.ExporterId == declaration.ExporterId, ct);
        var outcome = DeclarationCheck.AgainstLicence(declaration, licence);

        // Goods shipped on a fast-track licence went under a VEU: its reports answer to that VEU too.
        var veuId = licence is null ? null : await db.Applications.Where(a => a.Id == licence.ApplicationId).Select(a => a.VeuId).FirstOrDefaultAsync(ct);
        var shipment = Shipment.Declare(Identifiers.NewId(time), declaration, outcome, licence?.Id, veuId, actor.Name, now, isDemo);
        if (outcome.Status == ShipmentStatus.Released)
        {
            licence!.Draw(declaration.QuantityKg, declaration.Value, declaration.DeclaredOn, declaration.Number, now);
        }

        return shipment;
    }

    private async Task<Shipment> AgainstVeuAsync(ShipmentDeclaration declaration, string number, bool isDemo, DateTimeOffset now, CancellationToken ct)
    {
        // A VEU that does not name the declaring exporter reads as missing, before anything is drawn or locked.
        var cited = await db.VeuAuthorizations.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct);
        if (cited is null || !cited.ExporterIds.Contains(declaration.ExporterId))
        {
            return Shipment.Declare(Identifiers.NewId(time), declaration, DeclarationCheck.AgainstVeu(declaration, null, 0m), null, null, actor.Name, now, isDemo);
        }

        var id = cited.Id;

        // Draw first, then read the VEU under a hold: a suspension committed meanwhile, or another
        // declaration that took the cap, is seen, and a draw the checks do not allow is given back.
        var year = declaration.DeclaredOn.Year;
        var drew = await caps.TryDrawAsync(id, year, declaration.QuantityKg, ct);
        var veu = await caps.HoldAsync(id, ct);
        var drawnBefore = await caps.DrawnAsync(id, year, ct) - (drew ? declaration.QuantityKg : 0m);
        var outcome = DeclarationCheck.AgainstVeu(declaration, veu, drawnBefore);
        if (drew && outcome.Status != ShipmentStatus.Released)
        {
            await caps.ReleaseAsync(id, year, declaration.QuantityKg, ct);
        }
        else if (!drew && outcome.Status == ShipmentStatus.Released)
        {
            // No cap row for the year (outside the validity): the scope check said so already, but be explicit.
            outcome = new DeclarationOutcome(ShipmentStatus.Held, [$"No cap of {veu.Number} is open for {year}."]);
        }

        return Shipment.Declare(Identifiers.NewId(time), declaration, outcome, null, id, actor.Name, now, isDemo);
    }

    private async Task<bool> ReleaseOnceAsync(Guid id, string? reason, CancellationToken ct)
    {
        var shipment = await LoadAsync(id, ct);
        if (!shipment.IsHeld)
        {
            shipment.Release(reason, drawn: false, actor.Name, time.GetUtcNow()); // raises the state error with its reason
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var drawn = false;
        switch (shipment.Authorisation)
        {
            case AuthorisationKind.Licence:
                var licence = shipment.LicenceId is { } licenceId ? await db.Licences.FirstAsync(l => l.Id == licenceId, ct)
                    : throw new InvalidStateException($"Licence {shipment.AuthorisationNumber} does not exist; refuse the goods or have them declared again.");
                licence.Draw(shipment.QuantityKg, shipment.Value, shipment.DeclaredOn, shipment.Number, now);
                drawn = true;
                break;
            case AuthorisationKind.Veu:
                var veuId = shipment.VeuId ?? throw new InvalidStateException($"VEU {shipment.AuthorisationNumber} does not exist; refuse the goods or have them declared again.");
                var year = shipment.DeclaredOn.Year;
                var drew = await caps.TryDrawAsync(veuId, year, shipment.QuantityKg, ct);
                var veu = await caps.HoldAsync(veuId, ct);

                // The VEU may have changed while the goods waited: anything that would refuse them now still does.
                var recheck = DeclarationCheck.AgainstVeu(shipment.ToDeclaration(), veu, 0m);
                if (recheck.Status == ShipmentStatus.Refused)
                {
                    throw new InvalidStateException(string.Join(" ", recheck.Reasons));
                }

                if (!drew || !veu.InForceOn(shipment.DeclaredOn))
                {
                    throw new InvalidStateException(drew
                        ? $"{veu.Number} is {WireName.Of(veu.Status)} or not valid on {shipment.DeclaredOn:yyyy-MM-dd}; the goods cannot go under it."
                        : $"Beyond the {year} cap of {veu.Number}: {VeuAuthorization.Kg(await caps.DrawnAsync(veuId, year, ct))} of {VeuAuthorization.Kg(veu.AnnualCapKg)} drawn.");
                }

                drawn = true;
                break;
            default:
                if (shipment.Items.Any(i => i.ControlCodes.Count > 0))
                {
                    throw new InvalidStateException("The declared composition is controlled: the goods need a licence or VEU. Refuse them, or have them declared again citing one.");
                }

                break;
        }

        shipment.Release(reason, drawn, actor.Name, now);
        ScheduleReports(shipment);
        await rollups.AddAsync(shipment, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Goods released under a licence or VEU owe the art. 18 reports, each due a configured number of working days on.</summary>
    private void ScheduleReports(Shipment shipment)
    {
        if (shipment.Status == ShipmentStatus.Released && shipment.Drawn)
        {
            // Deadlines run from the day the goods were released in Lodestone, so a declaration recorded late
            // (back-dated, or imported) does not start with its reports already overdue.
            var releasedOn = ChinaTime.DateOf(shipment.History[^1].At);
            db.PostShipmentReports.AddRange(PostShipmentReport.Schedule(() => Identifiers.NewId(time), shipment.Id, releasedOn, options.ReportDeadlines.ByKind(), reference.Calendar));
        }
    }

    private async Task RequirePartiesAsync(ShipmentDeclaration declaration, CancellationToken ct)
    {
        if (actor.IsOrganisationScoped && declaration.ExporterId != actor.OrganisationId)
        {
            throw new DomainException("exporterId", "An exporter account declares only its own goods.");
        }

        var parties = await Visibility.Parties(db, actor).ByIdsAsync([declaration.ExporterId, declaration.ConsigneeId, declaration.EndUserId], ct);
        _ = parties.GetValueOrDefault(declaration.ExporterId) ?? throw new NotFoundException("exporterId", $"Exporter {declaration.ExporterId} does not exist.");
        _ = parties.GetValueOrDefault(declaration.EndUserId) ?? throw new NotFoundException("endUserId", $"End user {declaration.EndUserId} does not exist; register it first.");
        _ = parties.GetValueOrDefault(declaration.ConsigneeId) ?? throw new NotFoundException("consigneeId", $"Consignee {declaration.ConsigneeId} does not exist; register it first.");
    }

    private async Task<Shipment> LoadAsync(Guid id, CancellationToken ct) =>
        await Visibility.Shipments(db.Shipments, actor).FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(null, $"Shipment {id} does not exist.");

    private async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another declaration drew the same licence first: read the new balance and check again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
