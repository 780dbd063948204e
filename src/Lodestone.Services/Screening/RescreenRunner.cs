using Lodestone.Domain.Screening;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Screening;

/// <summary>
/// Runs pending re-screening jobs. Any instance may run them: jobs are claimed with a conditional update
/// that only one instance can win, and a claim older than <see cref="StaleAfter"/> (its instance died) may
/// be taken over. Jobs waiting together are served by one pass over the parties: the pass screens against
/// the lists as they are now, which covers every change that queued them.
/// </summary>
public sealed class RescreenRunner(LodestoneDbContext db, PartyScreeningService screening, TimeProvider time)
{
    /// <summary>How long a claimed job may run before another instance assumes its claimant died.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>Runs every pending job; returns the number of jobs completed.</summary>
    public async Task<int> RunPendingAsync(string instance, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var completed = 0;
        while (true)
        {
            var claim = $"{instance}/{Guid.NewGuid():N}";
            var now = time.GetUtcNow();
            var stale = now - StaleAfter;
            var pending = await db.RescreenJobs.Where(j => j.Status == RescreenStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RescreenStatus.Running).SetProperty(j => j.ClaimedBy, claim).SetProperty(j => j.ClaimedAt, now), ct);
            var abandoned = await db.RescreenJobs.Where(j => j.Status == RescreenStatus.Running && j.ClaimedAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedBy, claim).SetProperty(j => j.ClaimedAt, now), ct);
            if (pending + abandoned == 0)
            {
                return completed;
            }

            var jobs = await db.RescreenJobs.AsNoTracking().Where(j => j.ClaimedBy == claim).OrderBy(j => j.RequestedAt).ToListAsync(ct);
            if (jobs.Count == 0)
            {
                continue; // another instance took them over between the update and the read
            }

            var reason = string.Join("; ", jobs.Select(j => j.Reason));
            var trigger = $"list change: {Truncate(reason, 180)}";
            var (parties, raised) = await screening.RescreenAllAsync(trigger, progress, ct);
            db.ChangeTracker.Clear();
            var done = time.GetUtcNow();
            foreach (var job in await db.RescreenJobs.Where(j => j.ClaimedBy == claim).ToListAsync(ct))
            {
                job.Complete(parties, raised, done);
                completed++;
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
