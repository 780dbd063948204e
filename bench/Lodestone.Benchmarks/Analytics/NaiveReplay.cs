using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Benchmarks.Analytics;

/// <summary>
/// The replay's baseline: what one writes first. The period's applications are read as whole EF entities on
/// one connection, one after the other, and fed to the same <see cref="PolicyReplay"/>, so its result must
/// equal the product's (checked by the caller).
/// </summary>
internal static class NaiveReplay
{
    public static ReplayResult Run(LodestoneDbContext db, RoutingPolicy? draft, RoutingPolicy inForce, DateOnly from, DateOnly to)
    {
        var start = ChinaTime.StartOf(from);
        var end = ChinaTime.StartOf(to.AddDays(1));
        var replay = new PolicyReplay(draft, c => c.PolicyVersion == inForce.Version ? inForce : null, 1000);
        foreach (var a in db.Applications.AsNoTracking().Where(a => a.Lane != null && a.SubmittedAt >= start && a.SubmittedAt < end).AsEnumerable())
        {
            var outcome = a.Status switch
            {
                ApplicationStatus.Approved => HistoricalOutcome.Approved,
                ApplicationStatus.Denied => HistoricalOutcome.Denied,
                ApplicationStatus.Withdrawn => HistoricalOutcome.Withdrawn,
                ApplicationStatus.NotRequired => HistoricalOutcome.NotRequired,
                _ => HistoricalOutcome.Pending,
            };
            replay.Add(new ReplayCase(a.Id, a.Number, ChinaTime.DateOf(a.SubmittedAt), a.Destination.Value, a.Lane!.Value, a.RuleIds.Count > 0 ? a.RuleIds[0] : string.Empty, a.PolicyVersion ?? string.Empty, outcome, a.RoutedOn!, a.SubmittedAt));
        }

        return replay.Result();
    }
}
