using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>
/// Puts live VEUs under review when something about their end user changes (domain.md §4.2): a new list
/// hit on the end user or an owner up its chain, or a change of ownership. Also ends VEUs past validity.
/// </summary>
public sealed class VeuReviews(LodestoneDbContext db, TimeProvider time)
{
    /// <summary>
    /// Marks for review every active VEU whose end user is <paramref name="partyId"/> or is owned (at any depth)
    /// by it. The caller saves. Returns the VEUs put under review.
    /// </summary>
    public async Task<IReadOnlyList<VeuAuthorization>> PutUnderReviewAsync(Guid partyId, string reason, CancellationToken ct) =>
        await PutUnderReviewAsync([partyId], _ => reason, ct);

    /// <summary>
    /// After a re-screening: every active VEU touched by a party with new hits goes under review. The caller
    /// saves, in the same save as the hits, so a review can never be lost while its hits are kept.
    /// </summary>
    public async Task OnNewHitsAsync(IReadOnlyDictionary<Guid, string> partyNames, string trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partyNames);
        if (partyNames.Count > 0)
        {
            await PutUnderReviewAsync(partyNames.Keys.ToList(), id => $"Re-screening found a new hit on {partyNames[id]} ({trigger})", ct);
        }
    }

    /// <summary>Ends every VEU whose validity is over; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var live = new[] { VeuStatus.Active, VeuStatus.UnderReview, VeuStatus.Suspended };
        var due = await db.VeuAuthorizations.Where(v => live.Contains(v.Status) && v.ValidUntil < today).ToListAsync(ct);
        var expired = due.Count(v => v.ExpireIfDue(today, now));
        if (expired > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return expired;
    }

    private async Task<IReadOnlyList<VeuAuthorization>> PutUnderReviewAsync(IReadOnlyCollection<Guid> partyIds, Func<Guid, string> reasonFor, CancellationToken ct)
    {
        var active = await db.VeuAuthorizations.Where(v => v.Status == VeuStatus.Active).ToListAsync(ct);
        if (active.Count == 0)
        {
            return [];
        }

        var graph = new OwnershipGraph(await db.Ownerships.AsNoTracking().ToListAsync(ct));
        var now = time.GetUtcNow();
        var changed = new List<VeuAuthorization>();
        foreach (var veu in active)
        {
            var chain = graph.AncestorsOf(veu.EndUserId).Prepend(veu.EndUserId);
            var trigger = chain.FirstOrDefault(partyIds.Contains);
            if (trigger != Guid.Empty && veu.PutUnderReview(reasonFor(trigger), "system", now))
            {
                changed.Add(veu);
            }
        }

        return changed;
    }
}
