using Lodestone.Domain.Checks;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Checks;

/// <summary>
/// Proposals to list a party on the control list, raised by a violation found in an end-use check. A policy
/// administrator confirms one (the party enters a new version of the list, re-screening follows, and a new
/// application naming it is prohibited) or rejects it (the list is unchanged). Art. 28: the listing is a decision
/// of the authority.
/// </summary>
public sealed class ListProposalService(LodestoneDbContext db, CheckListings listings, TimeProvider time, ICurrentActor actor)
{
    /// <summary>Proposals, pending ones first; filter by status.</summary>
    public async Task<IReadOnlyList<ListProposalResponse>> ListAsync(string? status, CancellationToken ct)
    {
        if (actor.IsOrganisationScoped)
        {
            return [];
        }

        var query = db.ListProposals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = WireName.Parse<ListProposalStatus>(status, "status");
            query = query.Where(p => p.Status == s);
        }

        var proposals = (await query.ToListAsync(ct)).OrderBy(p => p.Status != ListProposalStatus.Pending).ThenByDescending(p => p.ProposedAt).ToList();
        var checkIds = proposals.Select(p => p.CheckId).ToList();
        var numbers = await db.EndUseChecks.AsNoTracking().Where(c => checkIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var parties = await db.Parties.AsNoTracking().ByIdsAsync(proposals.Select(p => p.PartyId), ct);
        return proposals.Select(p => ToResponse(p, numbers.GetValueOrDefault(p.CheckId, "?"), ResponseMapping.Ref(parties.GetValueOrDefault(p.PartyId), p.PartyId))).ToList();
    }

    /// <summary>Confirms: the party enters the control list as a new version, with measures citing the check.</summary>
    public async Task<ListProposalResponse> ConfirmAsync(Guid id, ProposalDecisionRequest? request, CancellationToken ct)
    {
        var (proposal, check) = await LoadAsync(id, ct);
        proposal.EnsurePending();
        var now = time.GetUtcNow();
        var party = await db.Parties.AsNoTracking().FirstAsync(p => p.Id == proposal.PartyId, ct);
        var measures = $"Control list (arts. 28–30): exports prohibited save by special approval (art. 29). End-use check {check.Number} found a violation: {proposal.Grounds}";
        var staged = await listings.ListAsync(proposal.ListId, party, check, measures[..Math.Min(measures.Length, EndUseCheck.MaxTextLength)], ct);
        var version = staged?.Version.Number ?? await db.RestrictedLists.Where(l => l.Id == proposal.ListId).Select(l => l.CurrentVersion).SingleAsync(ct);
        proposal.Confirm(request?.Reason, version, actor.Name, now);
        check.NoteListing($"Listing on {proposal.ListId} confirmed by {actor.Name}: in version {version}.", actor.Name, now);
        await db.SaveChangesAsync(ct);
        return ToResponse(proposal, check.Number, ResponseMapping.Ref(party, party.Id));
    }

    /// <summary>Rejects: the list is unchanged, and the check's history says why.</summary>
    public async Task<ListProposalResponse> RejectAsync(Guid id, ProposalDecisionRequest? request, CancellationToken ct)
    {
        var (proposal, check) = await LoadAsync(id, ct);
        var now = time.GetUtcNow();
        proposal.Reject(request?.Reason, actor.Name, now);
        check.NoteListing($"Listing on {proposal.ListId} rejected by {actor.Name}: {proposal.DecisionReason}", actor.Name, now);
        await db.SaveChangesAsync(ct);
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposal.PartyId, ct);
        return ToResponse(proposal, check.Number, ResponseMapping.Ref(party, proposal.PartyId));
    }

    internal static ListProposalResponse ToResponse(ListProposal p, string checkNumber, PartyRef party) => new(
        p.Id, p.CheckId, checkNumber, party, p.ListId, p.Grounds, WireName.Of(p.Status), p.ProposedBy, p.ProposedAt, p.DecidedBy, p.DecidedAt, p.DecisionReason, p.ListVersion);

    private async Task<(ListProposal Proposal, EndUseCheck Check)> LoadAsync(Guid id, CancellationToken ct)
    {
        var proposal = (actor.IsOrganisationScoped ? null : await db.ListProposals.FirstOrDefaultAsync(p => p.Id == id, ct))
            ?? throw new NotFoundException(null, $"List proposal {id} does not exist.");
        var check = await db.EndUseChecks.FirstAsync(c => c.Id == proposal.CheckId, ct);
        return (proposal, check);
    }
}
