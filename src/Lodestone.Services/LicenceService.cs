using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>
/// Licences and their lifecycle (art. 18): suspension, reinstatement, revocation, surrender by the holder,
/// change requests (a key change suspends the licence and needs a new application; a non-key change is
/// decided within 20 working days) and expiry.
/// </summary>
public sealed class LicenceService(LodestoneDbContext db, ICurrentActor actor, TimeProvider time, ReferenceData reference)
{
    public async Task<LicenceResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var licence = await Visibility.Licences(db.Licences.AsNoTracking(), actor).FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException(null, $"Licence {id} does not exist.");
        return await ToResponseAsync(licence, ct);
    }

    /// <summary>Licences the caller may see, optionally by status, newest first.</summary>
    public async Task<PagedList<LicenceSummary>> ListAsync(string? status, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 100_000);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = Visibility.Licences(db.Licences.AsNoTracking(), actor);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = WireName.Parse<LicenceStatus>(status, "status");
            query = query.Where(l => l.Status == s);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(l => l.ValidFrom).ThenBy(l => l.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var parties = await db.Parties.ByIdsAsync(rows.SelectMany(l => new[] { l.ExporterId, l.EndUserId }), ct);
        return new PagedList<LicenceSummary>(rows.Select(l => ShipmentMapping.ToSummary(l, parties)).ToList(), page, pageSize, total);
    }

    public Task<LicenceResponse> SuspendAsync(Guid id, ReasonRequest request, CancellationToken ct) =>
        ActAsync(id, holderOnly: false, (l, now) => l.Suspend(request?.Reason, actor.Name, now), ct);

    public Task<LicenceResponse> ReinstateAsync(Guid id, ReasonRequest request, CancellationToken ct) =>
        ActAsync(id, holderOnly: false, (l, now) => l.Reinstate(request?.Reason, actor.Name, now), ct);

    public Task<LicenceResponse> RevokeAsync(Guid id, ReasonRequest request, CancellationToken ct) =>
        ActAsync(id, holderOnly: false, (l, now) => l.Revoke(request?.Reason, actor.Name, now), ct);

    public Task<LicenceResponse> SurrenderAsync(Guid id, ReasonRequest request, CancellationToken ct) =>
        ActAsync(id, holderOnly: true, (l, now) => l.Surrender(request?.Reason, actor.Name, now), ct);

    /// <summary>The holder asks for a change. A key change suspends the licence at once (art. 18).</summary>
    public async Task<LicenceChangeResponse> RequestChangeAsync(Guid id, LicenceChangeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var licence = await LoadAsync(id, holderOnly: true, ct);
        var now = time.GetUtcNow();
        var fields = RequestMapping.ToEnums<LicenceChangeField>(request.Fields, "fields");
        var change = LicenceChange.Request(Identifiers.NewId(time), licence, fields, request.Description, actor.Name, now, reference.Calendar);
        if (change.IsKey)
        {
            var key = string.Join(", ", change.Fields.Where(LicenceChange.IsKeyField).Select(f => WireName.Of(f)));
            if (licence.Status == LicenceStatus.Active)
            {
                licence.SuspendForKeyChange($"Key change requested ({key}): exports stop until a new application is decided. {change.Description}", actor.Name, now);
            }
            else
            {
                licence.RecordChange("key-change-requested", $"Key change requested ({key}): a new application is needed. {change.Description}", actor.Name, now);
            }
        }
        else
        {
            licence.RecordChange("change-requested", $"Non-key change requested, due by {change.DueDate:yyyy-MM-dd}: {change.Description}", actor.Name, now);
        }

        db.LicenceChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return ShipmentMapping.ToResponse(change);
    }

    public async Task<IReadOnlyList<LicenceChangeResponse>> ChangesAsync(Guid id, CancellationToken ct)
    {
        _ = await LoadAsync(id, holderOnly: false, ct);
        var changes = await db.LicenceChanges.AsNoTracking().Where(c => c.LicenceId == id).ToListAsync(ct);
        return changes.OrderBy(c => c.RequestedAt).Select(ShipmentMapping.ToResponse).ToList();
    }

    /// <summary>An officer approves or refuses a pending non-key change; the decision goes into the licence's history.</summary>
    public async Task<LicenceChangeResponse> DecideChangeAsync(Guid id, Guid changeId, LicenceChangeDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var licence = await LoadAsync(id, holderOnly: false, ct);
        var change = await db.LicenceChanges.FirstOrDefaultAsync(c => c.Id == changeId && c.LicenceId == id, ct)
            ?? throw new NotFoundException(null, $"Licence {licence.Number} has no change {changeId}.");
        var approve = request.Outcome?.Trim().ToLowerInvariant() switch
        {
            "approved" => true,
            "refused" => false,
            _ => throw new DomainException("outcome", "The outcome is required: approved or refused."),
        };
        var now = time.GetUtcNow();
        change.Decide(approve, request.Reason, actor.Name, now);
        licence.RecordChange(approve ? "change-approved" : "change-refused", $"{change.Description} — {change.DecisionReason}", actor.Name, now);
        await db.SaveChangesAsync(ct);
        return ShipmentMapping.ToResponse(change);
    }

    /// <summary>Ends every live licence whose validity is over; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var due = await db.Licences.Where(l => (l.Status == LicenceStatus.Active || l.Status == LicenceStatus.Suspended) && l.ValidUntil < today).ToListAsync(ct);
        var expired = due.Count(l => l.ExpireIfDue(today, now));
        if (expired > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return expired;
    }

    private async Task<LicenceResponse> ActAsync(Guid id, bool holderOnly, Action<Licence, DateTimeOffset> act, CancellationToken ct)
    {
        var licence = await LoadAsync(id, holderOnly, ct);
        act(licence, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToResponseAsync(licence, CancellationToken.None);
    }

    /// <summary>Loads a licence for a change. Only the holder surrenders or asks for changes; to anyone else such a command does not exist.</summary>
    private async Task<Licence> LoadAsync(Guid id, bool holderOnly, CancellationToken ct)
    {
        var licence = await Visibility.Licences(db.Licences, actor).FirstOrDefaultAsync(l => l.Id == id, ct);
        return licence is null || (holderOnly && actor.IsOrganisationScoped && licence.ExporterId != actor.OrganisationId)
            ? throw new NotFoundException(null, $"Licence {id} does not exist.")
            : licence;
    }

    private async Task<LicenceResponse> ToResponseAsync(Licence licence, CancellationToken ct) =>
        ResponseMapping.ToResponse(licence, await db.Parties.ByIdsAsync([licence.ExporterId, licence.ConsigneeId, licence.EndUserId], ct));
}
