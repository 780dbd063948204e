using Lodestone.DataFiles;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Persistence;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Analytics;

/// <summary>A replay and what it covered.</summary>
/// <param name="From">First filing day replayed.</param>
/// <param name="To">Last filing day replayed.</param>
/// <param name="WithoutFacts">Applications of the period routed before facts were kept, which cannot be replayed.</param>
/// <param name="Result">The replay.</param>
public sealed record ReplayReport(DateOnly From, DateOnly To, int WithoutFacts, ReplayResult Result);

/// <summary>
/// The what-if: replays every application filed in a period through a draft policy (or, with no draft,
/// through the policy version that routed each one), on the facts each was routed on.
/// </summary>
public sealed class PolicyReplayService(LodestoneDbContext db, DbContextOptions<LodestoneDbContext> options)
{
    /// <summary>More readers than cores only contend; more than four gain little even on a big machine.</summary>
    private const int MaxReaders = 4;

    /// <summary>Parses a draft policy file; a bad file is reported with its line, as at start.</summary>
    public static RoutingPolicy ParseDraft(string name, string yaml) => PolicyFile.Parse(name, yaml);

    /// <summary>Parses a draft policy sent as text; a fault is a validation error on <c>policy</c> naming the line.</summary>
    /// <exception cref="DomainException">The YAML is not a valid policy.</exception>
    public static RoutingPolicy ParseDraftText(string yaml)
    {
        try
        {
            return PolicyFile.Parse("draft policy", yaml);
        }
        catch (DataFileException e)
        {
            var where = e.Line > 0 ? $"Line {e.Line}{(e.Field is null ? string.Empty : $", {e.Field}")}: " : string.Empty;
            throw new DomainException("policy", where + e.Problem);
        }
    }

    /// <summary>Replays the applications filed between two days (inclusive, China time).</summary>
    /// <param name="draft">The draft; null replays under the versions in force (which must reproduce every lane).</param>
    /// <param name="from">First filing day.</param>
    /// <param name="to">Last filing day.</param>
    /// <param name="maxFlips">How many flipped applications to list; 0 lists none (aggregates only).</param>
    /// <param name="progress">Reports (done, total) as applications are replayed.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<ReplayReport> RunAsync(RoutingPolicy? draft, DateOnly from, DateOnly to, int maxFlips, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        if (from > to)
        {
            throw new DomainException("from", "'from' must not be after 'to'.");
        }

        if (maxFlips < 0)
        {
            throw new DomainException("flips", "The number of flipped applications to list cannot be negative.");
        }

        var start = ChinaTime.StartOf(from);
        var end = ChinaTime.StartOf(to.AddDays(1));

        // The count is made only for a progress bar. Every application is routed in the transaction that files
        // it, so the period's filings are its routed applications, and counting them by filing time alone reads
        // only the filing-time index: asking for a lane as well made SQLite fetch every row, 4 s for a million.
        var total = progress is null ? 0 : await db.Applications.CountAsync(a => a.SubmittedAt >= start && a.SubmittedAt < end, ct);
        var policies = await InForceAsync(ct);
        var counter = new ProgressCounter(total, progress);

        // Reading and parsing the recorded facts is most of the work, so the period is cut into one slice per
        // core, each read on its own connection into its own replay; the replays merge into the result a single
        // pass would give (PolicyReplay.Merge).
        var slices = ReplayRows.Slices(db, start, end, Math.Clamp(Environment.ProcessorCount, 1, MaxReaders));
        var parts = await ReplayReaders.RunAsync(slices, (slice, stop) => ReplayPart(draft, policies, maxFlips, slice, counter, stop), ct);
        var replay = parts[0].Replay;
        foreach (var part in parts.Skip(1))
        {
            replay.Merge(part.Replay);
        }

        counter.Finish();
        return new ReplayReport(from, to, parts.Sum(p => p.WithoutFacts), replay.Result());
    }

    private (PolicyReplay Replay, int WithoutFacts) ReplayPart(RoutingPolicy? draft, Dictionary<string, List<(DateTimeOffset Loaded, RoutingPolicy Policy)>> policies, int maxFlips, ReplaySlice slice, ProgressCounter counter, CancellationToken ct)
    {
        var replay = new PolicyReplay(draft, c => Resolve(policies, c), maxFlips);
        var withoutFacts = 0;
        var done = 0;
        using var reader = new LodestoneDbContext(options);
        foreach (var row in ReplayRows.Read(reader, slice))
        {
            if (row.RoutedOn is null)
            {
                withoutFacts++;
            }
            else
            {
                replay.Add(new ReplayCase(row.Id, row.Number, ChinaTime.DateOf(row.SubmittedAt), row.Destination.Value, row.Lane, row.RuleId, row.PolicyVersion ?? string.Empty, OutcomeOf(row.Status), row.RoutedOn, row.SubmittedAt));
            }

            if (++done == ProgressCounter.Step)
            {
                ct.ThrowIfCancellationRequested();
                counter.Add(done);
                done = 0;
            }
        }

        counter.Add(done);
        return (replay, withoutFacts);
    }

    private static HistoricalOutcome OutcomeOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Approved => HistoricalOutcome.Approved,
        ApplicationStatus.Denied => HistoricalOutcome.Denied,
        ApplicationStatus.Withdrawn => HistoricalOutcome.Withdrawn,
        ApplicationStatus.NotRequired => HistoricalOutcome.NotRequired,
        _ => HistoricalOutcome.Pending,
    };

    /// <summary>
    /// The text of the version that routed an application. Should a version's file have been edited without a
    /// new version number, the text loaded last before the filing is the one that routed it.
    /// </summary>
    private static RoutingPolicy? Resolve(Dictionary<string, List<(DateTimeOffset Loaded, RoutingPolicy Policy)>> policies, ReplayCase c)
    {
        if (!policies.TryGetValue(c.PolicyVersion, out var texts))
        {
            return null;
        }

        var chosen = texts[0].Policy;
        foreach (var (loaded, policy) in texts)
        {
            if (loaded <= c.SubmittedAt)
            {
                chosen = policy;
            }
        }

        return chosen;
    }

    /// <summary>
    /// The recorded policy texts by version. A version with a text this release can no longer read (a later
    /// release may tighten the policy format, while the trail keeps texts for years) is left out whole rather
    /// than failing the replay, or replaying some of its applications under another of its texts: its
    /// applications are reported as not replayable under the policy in force, and a draft still replays them.
    /// </summary>
    private async Task<Dictionary<string, List<(DateTimeOffset Loaded, RoutingPolicy Policy)>>> InForceAsync(CancellationToken ct)
    {
        var records = await db.PolicyVersions.AsNoTracking().ToListAsync(ct);
        var readable = new List<(string Version, DateTimeOffset Loaded, RoutingPolicy Policy)>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            try
            {
                readable.Add((record.Version, record.FirstLoadedAt, PolicyFile.Parse($"policy {record.Version}", record.Yaml)));
            }
            catch (DataFileException)
            {
                // Reported through ReplayResult.UnknownPolicyVersions when an application needs it.
                unreadable.Add(record.Version);
            }
        }

        return readable
            .Where(r => !unreadable.Contains(r.Version))
            .GroupBy(r => r.Version, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Loaded).Select(r => (r.Loaded, r.Policy)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Applications replayed so far, across the readers, reported to one progress listener at a time.</summary>
    private sealed class ProgressCounter(int total, IProgress<(int Done, int Total)>? progress)
    {
        public const int Step = 10_000;
        private readonly Lock _gate = new();
        private int _done;

        public void Add(int count)
        {
            if (progress is null)
            {
                return;
            }

            lock (_gate)
            {
                _done += count;
                progress.Report((_done, total));
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                progress?.Report((_done, Math.Max(_done, total)));
            }
        }
    }
}
