using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>The party registry: parties and who owns them.</summary>
public sealed class PartyService(LodestoneDbContext db, PartyRisk risks, PartyScreeningService screening, Veu.VeuReviews reviews, TimeProvider time, ICurrentActor actor)
{
    public async Task<PartyResponse> CreateAsync(CreatePartyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Country))
        {
            throw new DomainException("country", "The country is required (ISO 3166-1 alpha-2).");
        }

        var party = Party.Create(
            Identifiers.NewId(time),
            request.Name ?? string.Empty,
            request.ChineseName,
            request.Aliases,
            CountryCode.Parse(request.Country, "country"),
            string.IsNullOrWhiteSpace(request.Kind) ? PartyKind.Company : WireName.Parse<PartyKind>(request.Kind, "kind"),
            RequestMapping.ToEnums<Sector>(request.Sectors, "sectors"),
            RequestMapping.ToEnums<PartyRole>(request.Roles, "roles"),
            RequestMapping.ToFacilities(request.Facilities),
            isDemo: false,
            registeredByOrganisationId: actor.IsOrganisationScoped ? actor.OrganisationId : null);
        db.Parties.Add(party);

        // Screened before it is saved: the party and its hits reach the database (and the trail) together.
        await screening.ScreenAsync(party, "party registered", ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(party.Id, CancellationToken.None); // committed: finish the response regardless
    }

    public async Task<PartyResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var party = await VisibleParties().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(null, $"Party {id} does not exist.");
        var owners = await db.Ownerships.AsNoTracking().Where(o => o.OwnedId == id).ToListAsync(ct);
        var holdings = await db.Ownerships.AsNoTracking().Where(o => o.OwnerId == id).ToListAsync(ct);
        var relatedIds = owners.Select(o => o.OwnerId).Concat(holdings.Select(h => h.OwnedId)).ToList();
        var names = await VisibleParties().Where(p => relatedIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        // An organisation-scoped account sees only the links to parties it may see, and whether the party is
        // military-linked, not the chain that says so (it names parties it may not see).
        owners = owners.Where(o => names.ContainsKey(o.OwnerId)).ToList();
        holdings = holdings.Where(h => names.ContainsKey(h.OwnedId)).ToList();
        var risk = await risks.AssessAsync([("Party", party)], null, ct);
        var ties = actor.IsOrganisationScoped
            ? new MilitaryTiesResponse(risk.MilitaryLinked, [], [])
            : new MilitaryTiesResponse(risk.MilitaryLinked, risk.MilitaryEvidence, risk.MinorityStakes);

        return new PartyResponse(
            party.Id,
            party.Name,
            party.ChineseName,
            party.Aliases,
            party.Country.Value,
            WireName.Of(party.Kind),
            party.Sectors.Select(s => WireName.Of(s)).ToList(),
            party.Roles.Select(r => WireName.Of(r)).ToList(),
            party.Facilities.Select(f => new FacilityDto(f.Name, f.Address, f.Country.Value)).ToList(),
            owners.Select(o => new OwnerResponse(o.OwnerId, names[o.OwnerId], o.Percent)).ToList(),
            holdings.Select(h => new OwnerResponse(h.OwnedId, names[h.OwnedId], h.Percent)).ToList(),
            ties,
            party.IsDemo,
            await screening.ForPartyAsync(party, ct),
            actor.IsOrganisationScoped ? [] : risk.ListedOwnership);
    }

    public async Task<IReadOnlyList<PartyRef>> ListAsync(string? search, string? role, CancellationToken ct)
    {
        var query = VisibleParties();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(p => p.Name.Contains(term) || (p.ChineseName != null && p.ChineseName.Contains(term)));
        }

        var all = await query.OrderBy(p => p.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(role))
        {
            var wanted = WireName.Parse<PartyRole>(role, "role");
            all = all.Where(p => p.Roles.Contains(wanted)).ToList();
        }

        return all.Select(p => ResponseMapping.Ref(p, p.Id)).ToList();
    }

    private IQueryable<Party> VisibleParties() => Visibility.Parties(db, actor).AsNoTracking();

    /// <summary>Changes the party's names and screens it again under them, in one save.</summary>
    public async Task<PartyResponse> RenameAsync(Guid id, RenamePartyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(null, $"Party {id} does not exist.");
        party.Rename(request.Name ?? string.Empty, request.ChineseName, request.Aliases);
        if (await screening.ScreenAsync(party, "names changed", ct) > 0)
        {
            await reviews.PutUnderReviewAsync(party.Id, $"New list hit on {party.Name} after a change of names", ct);
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(id, CancellationToken.None);
    }

    /// <summary>Records that <c>ownerId</c> holds a share of <paramref name="ownedId"/>, replacing an earlier share of the same owner.</summary>
    public async Task<PartyResponse> AddOwnerAsync(Guid ownedId, AddOwnerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owned = await db.Parties.FindAsync([ownedId], ct) ?? throw new NotFoundException(null, $"Party {ownedId} does not exist.");
        var ownerId = request.OwnerId ?? throw new DomainException("ownerId", "The owner is required.");
        var percent = request.Percent ?? throw new DomainException("percent", "The percentage is required.");
        _ = await db.Parties.FindAsync([ownerId], ct) ?? throw new NotFoundException("ownerId", $"Owner {ownerId} does not exist.");

        var existing = await db.Ownerships.Where(o => o.OwnedId == ownedId).ToListAsync(ct);
        var previous = existing.FirstOrDefault(o => o.OwnerId == ownerId);
        if (previous is not null)
        {
            db.Ownerships.Remove(previous);
        }

        // Cross-holdings (A owns B, B owns A) exist in real groups, so cycles are allowed; the 50% rule's
        // fixpoint in OwnershipGraph terminates on them.
        var held = existing.Where(o => o.OwnerId != ownerId).Sum(o => o.Percent);
        db.Ownerships.Add(Ownership.Create(Identifiers.NewId(time), ownerId, ownedId, percent, held));

        // domain.md §4.2: an ownership change puts the VEUs of the party, and of everything it owns, under review.
        await reviews.PutUnderReviewAsync(ownedId, $"Ownership of {owned.Name} changed: {percent}% now recorded for a new or changed owner", ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(ownedId, ct);
    }
}
