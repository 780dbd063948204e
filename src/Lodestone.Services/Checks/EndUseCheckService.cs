using Lodestone.Domain.Checks;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Checks;

/// <summary>
/// End-use checks (Dual-Use Items Regulations arts. 24–28): officers open document or on-site checks of an
/// importer or end user, request documents, and record the outcome. Non-cooperation after the deadline puts the
/// party on the watch list and a violation proposes the control list, each saved with the check in one
/// transaction. Checks are the authority's own business: organisation-scoped accounts never see them (a check
/// under way is not announced to the parties through the system; its outcome shows in the public lists).
/// </summary>
public sealed class EndUseCheckService(LodestoneDbContext db, ReferenceData reference, CheckListings listings, TimeProvider time, ICurrentActor actor)
{
    public async Task<EndUseCheckResponse> OpenAsync(OpenCheckRequest request, CancellationToken ct) => await OpenAsync(request, isDemo: false, ct);

    /// <summary>Opens a check, marking it as demo data when <paramref name="isDemo"/> is true.</summary>
    public async Task<EndUseCheckResponse> OpenAsync(OpenCheckRequest request, bool isDemo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Hidden();
        var kind = request.Kind is null ? throw new DomainException("kind", "The kind is required: document or on-site.") : WireName.Parse<EndUseCheckKind>(request.Kind, "kind");
        var role = request.Role is null ? throw new DomainException("role", "The role is required: importer or end-user.") : WireName.Parse<CheckedRole>(request.Role, "role");
        var partyId = request.PartyId ?? throw new DomainException("partyId", "The party checked is required.");
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partyId, ct)
            ?? throw new NotFoundException("partyId", $"Party {partyId} does not exist; register it first.");
        if (request.LicenceId is { } licenceId)
        {
            var licence = await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenceId, ct)
                ?? throw new NotFoundException("licenceId", $"Licence {licenceId} does not exist.");
            if ((role == CheckedRole.Importer ? licence.ConsigneeId : licence.EndUserId) != party.Id)
            {
                throw new DomainException("partyId", $"{party.Name} is not the {WireName.Of(role)} of licence {licence.Number}.");
            }
        }

        var now = time.GetUtcNow();
        var id = Identifiers.NewId(time);
        var check = EndUseCheck.Open(
            id, Identifiers.Number("EUC", id, now), kind, party.Id, role, request.LicenceId, request.ShipmentId, request.Reason,
            request.Deadline, request.WorkingDays, actor.Name, now, reference.Calendar, isDemo);
        db.EndUseChecks.Add(check);
        return await SaveAsync(check, ct);
    }

    /// <summary>Checks, open ones first by deadline; filter by status.</summary>
    public async Task<IReadOnlyList<EndUseCheckSummary>> ListAsync(string? status, CancellationToken ct)
    {
        if (actor.IsOrganisationScoped)
        {
            return [];
        }

        var query = db.EndUseChecks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = WireName.Parse<EndUseCheckStatus>(status, "status");
            query = query.Where(c => c.Status == s);
        }

        var checks = (await query.ToListAsync(ct)).OrderBy(c => c.IsDecided).ThenBy(c => c.IsDecided ? DateOnly.MaxValue.DayNumber - c.StatusSince.DayNumber : c.Deadline.DayNumber).ToList();
        var parties = await db.Parties.AsNoTracking().ByIdsAsync(checks.Select(c => c.PartyId), ct);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return checks.Select(c => new EndUseCheckSummary(
            c.Id, c.Number, WireName.Of(c.Kind), WireName.Of(c.Status), c.StatusSince, ResponseMapping.Ref(parties.GetValueOrDefault(c.PartyId), c.PartyId),
            WireName.Of(c.Role), c.Deadline, c.IsOverdue(today))).ToList();
    }

    /// <summary>The importers and end users a check may be opened on, for the form.</summary>
    public async Task<IReadOnlyList<PartyRef>> CandidatesAsync(CancellationToken ct)
    {
        Hidden();
        return (await db.Parties.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct))
            .Where(p => p.Roles.Contains(PartyRole.Consignee) || p.Roles.Contains(PartyRole.EndUser))
            .Select(p => ResponseMapping.Ref(p, p.Id))
            .ToList();
    }

    public async Task<EndUseCheckResponse> GetAsync(Guid id, CancellationToken ct) => await ToResponseAsync(await LoadAsync(id, tracking: false, ct), ct);

    public async Task<EndUseCheckResponse> RequestDocumentsAsync(Guid id, CheckNoteRequest request, CancellationToken ct)
    {
        var check = await LoadAsync(id, tracking: true, ct);
        check.RequestDocuments(request?.Note, actor.Name, time.GetUtcNow());
        return await SaveAsync(check, ct);
    }

    /// <summary>Verified as declared; a party on the watch list through a check comes off it (art. 26: removal after satisfactory verification).</summary>
    public async Task<EndUseCheckResponse> VerifyAsync(Guid id, CheckFindingsRequest request, CancellationToken ct)
    {
        var check = await LoadAsync(id, tracking: true, ct);
        var now = time.GetUtcNow();
        check.Verify(request?.Findings, actor.Name, now);
        if (await listings.UnwatchAsync(check.PartyId, check, ct) is { } staged)
        {
            check.NoteListing($"Removed from {CheckListings.WatchListId} in version {staged.Version.Number}; re-screening requested.", actor.Name, now);
        }

        return await SaveAsync(check, ct);
    }

    /// <summary>Non-cooperation after the deadline: the party goes on the watch list as a new version, and re-screening follows.</summary>
    public async Task<EndUseCheckResponse> RecordNonCooperationAsync(Guid id, CheckFindingsRequest request, CancellationToken ct)
    {
        var check = await LoadAsync(id, tracking: true, ct);
        var now = time.GetUtcNow();
        check.RecordNonCooperation(request?.Findings, actor.Name, now);
        var party = await PartyAsync(check, ct);
        var measures = $"Art. 26 watch list: exports need an individual licence with a risk-assessment report and commitment; the 45-working-day limit does not apply. Did not cooperate with end-use check {check.Number} by {check.Deadline:yyyy-MM-dd}.";
        var staged = await listings.ListAsync(CheckListings.WatchListId, party, check, measures, ct);
        check.NoteListing(
            staged is null ? $"Already on {CheckListings.WatchListId} as recorded." : $"Put on {CheckListings.WatchListId} in version {staged.Version.Number}; re-screening requested.",
            actor.Name, now);
        return await SaveAsync(check, ct);
    }

    /// <summary>A violation: a proposal to put the party on the control list waits for a policy administrator (art. 28).</summary>
    public async Task<EndUseCheckResponse> RecordViolationAsync(Guid id, CheckFindingsRequest request, CancellationToken ct)
    {
        var check = await LoadAsync(id, tracking: true, ct);
        var now = time.GetUtcNow();
        check.RecordViolation(request?.Findings, actor.Name, now);
        await listings.EnsureListAsync(CheckListings.ControlListId, ct);
        db.ListProposals.Add(ListProposal.Propose(Identifiers.NewId(time), check.Id, check.PartyId, CheckListings.ControlListId, check.Findings!, actor.Name, now));
        check.NoteListing($"Proposed for {CheckListings.ControlListId} (art. 28); a policy administrator confirms or rejects.", actor.Name, now);
        return await SaveAsync(check, ct);
    }

    private async Task<Party> PartyAsync(EndUseCheck check, CancellationToken ct) =>
        await db.Parties.AsNoTracking().FirstAsync(p => p.Id == check.PartyId, ct);

    private async Task<EndUseCheckResponse> SaveAsync(EndUseCheck check, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return await ToResponseAsync(check, CancellationToken.None);
    }

    private void Hidden()
    {
        if (actor.IsOrganisationScoped)
        {
            throw new NotFoundException(null, "End-use checks are handled by the authority.");
        }
    }

    private async Task<EndUseCheck> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        Hidden();
        var query = tracking ? db.EndUseChecks : db.EndUseChecks.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(null, $"End-use check {id} does not exist.");
    }

    private async Task<EndUseCheckResponse> ToResponseAsync(EndUseCheck c, CancellationToken ct)
    {
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == c.PartyId, ct);
        var licence = c.LicenceId is { } lid ? await db.Licences.AsNoTracking().Where(l => l.Id == lid).Select(l => l.Number).FirstOrDefaultAsync(ct) : null;
        var proposal = await db.ListProposals.AsNoTracking().FirstOrDefaultAsync(p => p.CheckId == c.Id, ct);
        return new EndUseCheckResponse
        {
            Id = c.Id,
            Number = c.Number,
            Kind = WireName.Of(c.Kind),
            Status = WireName.Of(c.Status),
            StatusSince = c.StatusSince,
            Party = ResponseMapping.Ref(party, c.PartyId),
            Role = WireName.Of(c.Role),
            LicenceId = c.LicenceId,
            LicenceNumber = licence,
            ShipmentId = c.ShipmentId,
            Reason = c.Reason,
            OpenedAt = c.OpenedAt,
            OpenedBy = c.OpenedBy,
            Deadline = c.Deadline,
            Overdue = c.IsOverdue(ChinaTime.DateOf(time.GetUtcNow())),
            Findings = c.Findings,
            History = c.History.Select(e => new CheckEventResponse(e.At, e.By, e.Action, WireName.Of(e.Status), e.Note)).ToList(),
            Proposal = proposal is null ? null : ListProposalService.ToResponse(proposal, c.Number, ResponseMapping.Ref(party, c.PartyId)),
            IsDemo = c.IsDemo,
        };
    }
}
