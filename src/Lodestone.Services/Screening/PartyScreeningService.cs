using System.Text.Json;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Screening;
using Lodestone.Persistence;
using Lodestone.Screening.Matching;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Screening;

/// <summary>
/// Screens registered parties against the lists in force and keeps their hits: on registration, on a
/// change of names, and again for everyone when a list version changes. Only hits not seen before (or seen
/// before on different entry content) are raised to the officers' queue.
/// </summary>
public sealed class PartyScreeningService(LodestoneDbContext db, ScreeningIndexCache cache, Veu.VeuReviews reviews, TimeProvider time, ICurrentActor actor)
{
    private const int PageSize = 200;

    /// <summary>Screens one tracked party; the caller saves. Returns the number of hits raised.</summary>
    public async Task<int> ScreenAsync(Party party, string trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        var snapshot = await cache.GetAsync(db, ct);
        var hits = await db.ScreeningHits.Where(h => h.PartyId == party.Id).ToListAsync(ct);
        var clearances = await db.Clearances.AsNoTracking().Where(c => c.PartyId == party.Id).ToListAsync(ct);
        return Apply(party, snapshot, hits, clearances, trigger);
    }

    /// <summary>
    /// Re-screens every party against the current lists, a page at a time so memory stays flat, saving each
    /// page (each page's new hits reach the audit trail with it).
    /// </summary>
    public async Task<(int Parties, int Raised)> RescreenAllAsync(string trigger, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(db, ct);
        var total = await db.Parties.CountAsync(ct);
        var (done, raised) = (0, 0);
        Guid? after = null;
        while (true)
        {
            var query = db.Parties.OrderBy(p => p.Id).AsQueryable();
            if (after is { } last)
            {
                query = query.Where(p => p.Id.CompareTo(last) > 0);
            }

            var page = await query.Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            var ids = page.Select(p => p.Id).ToList();
            var hits = (await db.ScreeningHits.Where(h => ids.Contains(h.PartyId)).ToListAsync(ct)).ToLookup(h => h.PartyId);
            var clearances = (await db.Clearances.AsNoTracking().Where(c => ids.Contains(c.PartyId)).ToListAsync(ct)).ToLookup(c => c.PartyId);
            var raisedHere = new Dictionary<Guid, string>();
            foreach (var party in page)
            {
                var n = Apply(party, snapshot, hits[party.Id].ToList(), clearances[party.Id].ToList(), trigger);
                raised += n;
                if (n > 0)
                {
                    raisedHere[party.Id] = party.Name;
                }
            }

            // A new hit on a VEU's end user or an owner up its chain puts the VEU under review, in this page's save.
            await reviews.OnNewHitsAsync(raisedHere, trigger, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += page.Count;
            after = page[^1].Id;
            progress?.Report((done, Math.Max(total, done)));
        }

        return (done, raised);
    }

    /// <summary>The party's screening status and hits, as its page and the API show them.</summary>
    public async Task<PartyScreeningResponse> ForPartyAsync(Party party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        var hits = await db.ScreeningHits.AsNoTracking().Where(h => h.PartyId == party.Id).ToListAsync(ct);
        var responses = await ToResponsesAsync(hits.Where(h => h.Current).OrderByDescending(h => h.Score).ToList(), ct);
        return new PartyScreeningResponse(StatusOf(hits), responses);
    }

    /// <summary>The officers' queue: hits waiting for review, oldest first.</summary>
    public async Task<PagedList<HitResponse>> QueueAsync(string? review, int page, int pageSize, CancellationToken ct)
    {
        var state = string.IsNullOrWhiteSpace(review) ? HitReview.Unreviewed : WireName.Parse<HitReview>(review, "review");
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.ScreeningHits.AsNoTracking().Where(h => h.Current && h.Review == state);
        var total = await query.CountAsync(ct);
        var hits = (await query.ToListAsync(ct)).OrderBy(h => h.FirstSeenAt).ThenBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new PagedList<HitResponse>(await ToResponsesAsync(hits, ct), page, pageSize, total);
    }

    /// <summary>An officer confirms a hit: the party is the listed entry.</summary>
    public async Task<HitResponse> ConfirmAsync(Guid hitId, ReviewHitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hit = await db.ScreeningHits.FirstOrDefaultAsync(h => h.Id == hitId, ct) ?? throw new NotFoundException(null, $"Hit {hitId} does not exist.");
        hit.Decide(HitReview.Confirmed, actor.Name, request.Reason ?? string.Empty, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await ToResponsesAsync([hit], CancellationToken.None))[0];
    }

    /// <summary>An officer clears a reviewed false positive until a date, or until the entry changes.</summary>
    public async Task<HitResponse> ClearAsync(Guid hitId, ReviewHitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hit = await db.ScreeningHits.FirstOrDefaultAsync(h => h.Id == hitId, ct) ?? throw new NotFoundException(null, $"Hit {hitId} does not exist.");
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var expires = request.ExpiresOn ?? throw new DomainException("expiresOn", "Give the date the clearance ends (at most three years ahead).");
        hit.Decide(HitReview.Cleared, actor.Name, request.Reason ?? string.Empty, now);
        db.Clearances.Add(Clearance.Create(Identifiers.NewId(time), hit, hit.ReviewReason!, expires, actor.Name, now, today));
        await db.SaveChangesAsync(ct);
        return (await ToResponsesAsync([hit], CancellationToken.None))[0];
    }

    private static string StatusOf(IReadOnlyList<ScreeningHit> hits)
    {
        var current = hits.Where(h => h.Current).ToList();
        return current.Count == 0 ? "clear"
            : current.Any(h => h.Review == HitReview.Confirmed) ? "match"
            : current.Any(h => h.Review == HitReview.Unreviewed) ? "potential-match"
            : "cleared";
    }

    private int Apply(Party party, ScreeningSnapshot snapshot, List<ScreeningHit> existing, List<Clearance> clearances, string trigger)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var found = Matches(party, snapshot, today);
        var raised = 0;
        foreach (var (key, match) in found)
        {
            var row = snapshot.Entries[key];
            var list = snapshot.Lists[key.ListId];
            var explanation = JsonSerializer.Serialize(MatchMapping.ToResponse(match.Explanation), JsonSerializerOptions.Web);
            var hit = existing.FirstOrDefault(h => h.ListId == key.ListId && h.EntryId == key.EntryId);
            if (hit is null)
            {
                db.ScreeningHits.Add(ScreeningHit.Found(
                    Identifiers.NewId(time), party.Id, list.Id, list.Kind, row.EntryId, row.Name, row.Fingerprint, match.Score, match.Explanation.Summary, explanation, trigger, now));
                raised++;
                continue;
            }

            if (hit.FoundAgain(row.Name, row.Fingerprint, list.Kind, match.Score, match.Explanation.Summary, explanation, trigger, now))
            {
                raised++;
            }
            else if (hit.Review == HitReview.Cleared && !clearances.Any(c => c.ListId == hit.ListId && c.EntryId == hit.EntryId && c.Covers(row.Fingerprint, today)))
            {
                hit.ClearanceExpired(now);
                raised++;
            }
        }

        foreach (var gone in existing.Where(h => h.Current && !found.ContainsKey((h.ListId, h.EntryId))))
        {
            gone.Lapse(now);
        }

        return raised;
    }

    /// <summary>Every name of the party against the index, best score per entry; entries removed by today do not count.</summary>
    private static Dictionary<(string ListId, string EntryId), ScreeningMatch> Matches(Party party, ScreeningSnapshot snapshot, DateOnly today)
    {
        var best = new Dictionary<(string ListId, string EntryId), ScreeningMatch>();
        var names = new[] { party.Name, party.ChineseName }.Concat(party.Aliases).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var match in snapshot.Index.Screen(new ScreeningQuery(name!, party.Country.Value), ScreeningOptions.Default with { Limit = 20 }))
            {
                var key = (match.ListId, match.EntryId);
                if (!EntryMapping.ToEntry(snapshot.Entries[key]).InForceOn(today))
                {
                    continue;
                }

                if (!best.TryGetValue(key, out var previous) || previous.Score < match.Score)
                {
                    best[key] = match;
                }
            }
        }

        return best;
    }

    private async Task<List<HitResponse>> ToResponsesAsync(IReadOnlyList<ScreeningHit> hits, CancellationToken ct)
    {
        var partyIds = hits.Select(h => h.PartyId).Distinct().ToList();
        var names = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lists = await db.RestrictedLists.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var open = new[] { ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.ClockStopped };
        var applications = (await db.Applications.AsNoTracking()
                .Where(a => open.Contains(a.Status) && (partyIds.Contains(a.ExporterId) || partyIds.Contains(a.ConsigneeId) || partyIds.Contains(a.EndUserId)))
                .Select(a => new { a.Number, a.ExporterId, a.ConsigneeId, a.EndUserId })
                .ToListAsync(ct))
            .SelectMany(a => new[] { (Party: a.ExporterId, a.Number), (Party: a.ConsigneeId, a.Number), (Party: a.EndUserId, a.Number) })
            .Distinct()
            .ToLookup(x => x.Party, x => x.Number);
        var licences = (await db.Licences.AsNoTracking()
                .Where(l => l.Status == LicenceStatus.Active && (partyIds.Contains(l.ExporterId) || partyIds.Contains(l.ConsigneeId) || partyIds.Contains(l.EndUserId)))
                .Select(l => new { l.Number, l.ExporterId, l.ConsigneeId, l.EndUserId })
                .ToListAsync(ct))
            .SelectMany(l => new[] { (Party: l.ExporterId, l.Number), (Party: l.ConsigneeId, l.Number), (Party: l.EndUserId, l.Number) })
            .Distinct()
            .ToLookup(x => x.Party, x => x.Number);
        var clearances = (await db.Clearances.AsNoTracking().Where(c => partyIds.Contains(c.PartyId)).ToListAsync(ct))
            .ToLookup(c => (c.PartyId, c.ListId, c.EntryId));
        var hideReview = actor.IsOrganisationScoped;
        return hits.Select(h => new HitResponse(
                h.Id,
                h.PartyId,
                names.GetValueOrDefault(h.PartyId, h.PartyId.ToString()),
                h.ListId,
                lists.GetValueOrDefault(h.ListId, h.ListId),
                WireName.Of(h.Kind),
                h.EntryId,
                h.EntryName,
                Math.Round(h.Score, 4),
                h.Summary,
                h.Trigger,
                h.FirstSeenAt,
                h.Current,
                WireName.Of(h.Review),
                hideReview ? null : h.ReviewedBy,
                hideReview ? null : h.ReviewReason,
                h.Review == HitReview.Cleared ? clearances[(h.PartyId, h.ListId, h.EntryId)].Select(c => (DateOnly?)c.ExpiresOn).Max() : null,
                applications[h.PartyId].Order(StringComparer.Ordinal).ToList(),
                licences[h.PartyId].Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
