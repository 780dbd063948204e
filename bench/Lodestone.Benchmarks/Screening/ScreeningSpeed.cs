using System.Diagnostics;
using System.Globalization;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>
/// <c>screening-speed</c>: a load program (Stopwatch, not BenchmarkDotNet) over two indexes, the
/// default lists + OFAC SDN and a generated 1,000,000-name index. Each run builds the index afresh and
/// measures build time, memory, single-query latency percentiles, 2-thread batch throughput, and the
/// brute-force scan on a sample of the same queries; the report quotes every run and the median.
/// </summary>
internal static class ScreeningSpeed
{
    private const double Threshold = ScreeningOptions.DefaultThreshold;

    private static readonly string[] NegativeFiles = ["negatives_global.csv", "negatives_us.csv"];

    private sealed record RunResult(
        double BuildMs,
        long IndexBytes,
        long WorkingSet,
        double P50,
        double P95,
        double P99,
        double Max,
        double Mean,
        double Throughput,
        double EngineSampleMedian,
        double BruteSampleMedian,
        double EngineSampleMean,
        double BruteSampleMean,
        double MemoSampleMedian,
        int MemoDisagreements,
        double AllocatedPerQuery,
        int Gen0,
        int Gen2,
        double Throughput1,
        double ThroughputBatch,
        int BatchDisagreements,
        Dictionary<string, List<double>> ByKind);

    public static int Run(BenchPaths paths, BenchOptions options, Report report)
    {
        var runs = options.Int("runs", 3);
        report.Line($"# Screening speed ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, server GC {System.Runtime.GCSettings.IsServerGC})");
        report.Line($"Runs: {runs}; each builds the index afresh. Latency is single-threaded on the latency queries; throughput is measured on further distinct queries of the same mix, as independent queries (Parallel.For, 2 threads; and 1 thread) and through ScreenBatch (2 workers). Engine: {BenchPaths.EngineVersion()}; load average at start {BenchPaths.LoadAverage()}.");

        if (!options.Flag("skip-lists"))
        {
            var lists = ListSources.Load(paths, options, report);
            report.Heading("## (a) Default lists + OFAC SDN");
            foreach (var s in lists.Sources)
            {
                report.Line($"- {s}");
            }

            var count = options.Int("queries", 2000);
            var all = ListQueries(lists, paths, count + options.Int("batch", 20000));
            Scenario(report, lists.Entries, all[..count], all[count..], runs, options.Int("brute-queries", 200));
        }

        if (!options.Flag("skip-generated"))
        {
            var names = options.Int("names", 1_000_000);
            report.Heading($"## (b) Generated index of {Stats.N(names)} names (seed {NameGenerator.Seed})");
            var sw = Stopwatch.StartNew();
            var entries = new NameGenerator().Generate(names);
            report.Line($"Generated {Stats.N(entries.Count)} entries with {Stats.N(entries.Sum(e => e.Entry.AllNames().Count()))} names in {Stats.Ms(sw.Elapsed.TotalMilliseconds)}.");
            var count = options.Int("queries", 2000);
            var all = GeneratedQueries(entries, count + options.Int("batch", 20000));
            Scenario(report, entries, all[..count], all[count..], runs, options.Int("brute-queries", 60));
        }

        return 0;
    }

    /// <summary>
    /// One index: latency on <paramref name="queries"/>, throughput on <paramref name="batchQueries"/> (drawn after them
    /// from the same mix, so a batch is as many distinct names as a real one, not the latency queries repeated).
    /// </summary>
    private static void Scenario(Report report, IReadOnlyList<IndexedEntry> entries, List<BenchQuery> queries, List<BenchQuery> batchQueries, int runs, int bruteQueries)
    {
        report.Line();
        // The mixes cycle through their kinds every 20 queries, so the sample steps by stride + 1 to cover every kind.
        var stride = Math.Max(1, queries.Count / bruteQueries);
        var bruteSample = Enumerable.Range(0, Math.Min(bruteQueries, queries.Count)).Select(k => ((k * stride) + k) % queries.Count).Distinct().ToList();
        report.Line("Query mix: " + string.Join(", ", queries.GroupBy(q => q.Kind).Select(g => $"{g.Key} {g.Count()}")) + $"; brute-force sample: {bruteSample.Count} of them (" + string.Join(", ", bruteSample.GroupBy(i => queries[i].Kind).Select(g => $"{g.Key} {g.Count()}")) + ").");
        var results = new List<RunResult>();
        BruteForceIndex? brute = null;
        var bruteBuildMs = 0.0;
        long bruteBytes = 0;
        var recallRows = new List<IReadOnlyList<string>>();
        var missRows = new List<IReadOnlyList<string>>();
        for (var run = 1; run <= runs; run++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var sw = Stopwatch.StartNew();
            var index = ScreeningIndex.Build(entries);
            var buildMs = sw.Elapsed.TotalMilliseconds;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var workingSet = process.WorkingSet64;
            if (run == 1)
            {
                report.Line($"Index: {Stats.N(index.EntryCount)} entries, {Stats.N(index.NameCount)} names. Managed heap before the build (runtime + the entries themselves): {Stats.Mb(before)}. Index heap = managed heap after the build minus before, both after a full collection; working set = process working set just after the build.");
            }

            // Warm up: one pass over all queries, then a pause so tiered compilation can finish promoting
            // the hot methods (with a short warm-up the first run measured tier-0 code, 3× slower).
            foreach (var q in queries)
            {
                index.Screen(new ScreeningQuery(q.Text, q.Country));
            }

            Thread.Sleep(1000);

            var latencies = new double[queries.Count];
            var found = new List<IReadOnlyList<ScreeningMatch>>(queries.Count);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var gen0 = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var matches = index.Screen(new ScreeningQuery(queries[i].Text, queries[i].Country));
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                found.Add(matches);
            }

            var allocatedPerQuery = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / queries.Count;
            gen0 = GC.CollectionCount(0) - gen0;
            gen2 = GC.CollectionCount(2) - gen2;

            var sorted = latencies.Order().ToArray();
            var byKind = queries.Select((q, i) => (q.Kind, Ms: latencies[i])).GroupBy(x => x.Kind).ToDictionary(g => g.Key, g => g.Select(x => x.Ms).ToList(), StringComparer.Ordinal);

            // Throughput: the same distinct names screened as independent queries on two threads, then through the batch
            // API (which shares each worker's vocabulary lookups across the batch), then independently on one thread.
            var batch = batchQueries.Select(q => new ScreeningQuery(q.Text, q.Country)).ToList();
            // The two alternate which goes first from run to run, so neither always meets the other's warm caches.
            var independent = new IReadOnlyList<ScreeningMatch>[batch.Count];
            IReadOnlyList<ScreeningMatch>[] batched = [];
            double throughput = 0, throughputBatch = 0;
            for (var order = 0; order < 2; order++)
            {
                sw.Restart();
                if ((order + run) % 2 == 1)
                {
                    Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => independent[i] = index.Screen(batch[i]));
                    throughput = batch.Count / sw.Elapsed.TotalSeconds;
                }
                else
                {
                    batched = index.ScreenBatch(batch, maxDegreeOfParallelism: 2);
                    throughputBatch = batch.Count / sw.Elapsed.TotalSeconds;
                }
            }
            var batchDisagreements = Enumerable.Range(0, batch.Count).Count(i => !SameMatches(independent[i], batched[i]));
            sw.Restart();
            foreach (var q in batch.Take(batch.Count / 2))
            {
                index.Screen(q);
            }

            var throughput1 = batch.Count / 2 / sw.Elapsed.TotalSeconds;

            if (brute is null)
            {
                var b0 = GC.GetTotalMemory(forceFullCollection: true);
                sw.Restart();
                brute = new BruteForceIndex(entries);
                bruteBuildMs = sw.Elapsed.TotalMilliseconds;
                bruteBytes = GC.GetTotalMemory(forceFullCollection: true) - b0;
            }

            var bruteMs = new List<double>();
            var memoMs = new List<double>();
            var engineMs = new List<double>();
            var bruteHits = new List<List<ScanHit>>();
            var bruteAll = new List<List<ScanHit>>();
            var memoDisagreements = 0;
            foreach (var i in bruteSample)
            {
                var start = Stopwatch.GetTimestamp();
                var hits = brute.Scan(queries[i].Text, 0, 10);
                bruteMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                var memo = brute.ScanMemoised(queries[i].Text, 0, 10);
                memoMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!memo.Select(h => h.Score).SequenceEqual(hits.Select(h => h.Score)))
                {
                    memoDisagreements++;
                }

                bruteAll.Add(hits);
                bruteHits.Add([.. hits.Where(h => h.Score >= Threshold)]);
                engineMs.Add(latencies[i]);
            }

            results.Add(new RunResult(buildMs, after - before, workingSet, sorted[sorted.Length / 2], Stats.Percentile(sorted, 0.95), Stats.Percentile(sorted, 0.99), sorted[^1], latencies.Average(), throughput, Stats.Median(engineMs), Stats.Median(bruteMs), engineMs.Average(), bruteMs.Average(), Stats.Median(memoMs), memoDisagreements, allocatedPerQuery, gen0, gen2, throughput1, throughputBatch, batchDisagreements, byKind));

            if (run == 1)
            {
                recallRows = Recall(queries, found, bruteSample, bruteHits, bruteAll, brute.Entries);
                missRows = Misses(index, queries, found);
            }

            report.Line($"Run {run} done; load average {BenchPaths.LoadAverage()}.");
            GC.KeepAlive(index);
        }

        report.Line();
        report.Table(
            ["Run", "Build", "Index heap", "Working set", "p50", "p95", "p99", "max", "mean", "Independent queries (2 threads)", "Independent (1 thread)", "ScreenBatch (2 threads)", "ScreenBatch results differing", "Allocated per query", "GCs gen0 / gen2 in the latency loop", "Engine on brute sample (median)", "Brute force per query (median)", "Speed ratio (medians)", "Speed ratio (means)", "Memoised scan (median)", "Ratio to memoised"],
            results.Select((r, i) => RunRow((i + 1).ToString(CultureInfo.InvariantCulture), r))
                .Append(RunRow("**median**", new RunResult(
                    Stats.Median(results.Select(r => r.BuildMs)),
                    (long)Stats.Median(results.Select(r => (double)r.IndexBytes)),
                    (long)Stats.Median(results.Select(r => (double)r.WorkingSet)),
                    Stats.Median(results.Select(r => r.P50)),
                    Stats.Median(results.Select(r => r.P95)),
                    Stats.Median(results.Select(r => r.P99)),
                    Stats.Median(results.Select(r => r.Max)),
                    Stats.Median(results.Select(r => r.Mean)),
                    Stats.Median(results.Select(r => r.Throughput)),
                    Stats.Median(results.Select(r => r.EngineSampleMedian)),
                    Stats.Median(results.Select(r => r.BruteSampleMedian)),
                    Stats.Median(results.Select(r => r.EngineSampleMean)),
                    Stats.Median(results.Select(r => r.BruteSampleMean)),
                    Stats.Median(results.Select(r => r.MemoSampleMedian)),
                    results.Sum(r => r.MemoDisagreements),
                    Stats.Median(results.Select(r => r.AllocatedPerQuery)),
                    (int)Stats.Median(results.Select(r => (double)r.Gen0)),
                    (int)Stats.Median(results.Select(r => (double)r.Gen2)),
                    Stats.Median(results.Select(r => r.Throughput1)),
                    Stats.Median(results.Select(r => r.ThroughputBatch)),
                    results.Sum(r => r.BatchDisagreements),
                    [])))
                .ToList());
        report.Line();
        report.Line($"Brute-force scan structure: built in {Stats.Ms(bruteBuildMs)}, {Stats.Mb(bruteBytes)} managed heap, {Stats.N(brute!.VocabularySize)} distinct tokens. The memoised scan (same scores, each query token compared once per distinct token) disagreed with the plain scan on {results.Sum(r => r.MemoDisagreements)} queries.");
        report.Heading("Latency by query kind (all runs pooled):");
        var kinds = results.SelectMany(r => r.ByKind.Keys).Distinct(StringComparer.Ordinal).ToList();
        report.Table(
            ["Kind", "Queries × runs", "p50", "p95", "p99", "max"],
            kinds.Select(k =>
            {
                var all = results.SelectMany(r => r.ByKind[k]).Order().ToArray();
                return (IReadOnlyList<string>)[k, Stats.N(all.Length), Stats.Ms(Stats.Percentile(all, 0.5)), Stats.Ms(Stats.Percentile(all, 0.95)), Stats.Ms(Stats.Percentile(all, 0.99)), Stats.Ms(all[^1])];
            }));
        report.Heading("Recall on the same queries (run 1): the share of targeted queries whose source entry (or an entry of the same primary name) is returned; for unrelated queries, the share with any alert.");
        report.Table(
            ["Kind", "Queries", "Engine found (all queries)", "Brute sample", "Engine found (sample)", "Brute found ≥ threshold (sample)", "Brute top 10 (sample)"],
            recallRows);
        if (missRows.Count > 0)
        {
            report.Heading("Targeted queries the engine missed at the default threshold (run 1; up to 6 per kind), with where the target stands among the engine's candidates at threshold 0:");
            report.Table(["Kind", "Query", "Expected", "Target's engine score", "Engine's best (score)"], missRows, "lllrl");
        }
    }

    /// <summary>Whether two result lists name the same entries with the same scores, in the same order.</summary>
    private static bool SameMatches(IReadOnlyList<ScreeningMatch> a, IReadOnlyList<ScreeningMatch> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.ListId == p.Second.ListId && p.First.EntryId == p.Second.EntryId && p.First.Score == p.Second.Score);

    private static List<IReadOnlyList<string>> Misses(ScreeningIndex index, List<BenchQuery> queries, List<IReadOnlyList<ScreeningMatch>> found)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in queries.Select((q, i) => (q, i)).Where(x => x.q.Target is { } t && !Targets.Found(t, found[x.i])).GroupBy(x => x.q.Kind))
        {
            foreach (var (q, _) in group.Take(6))
            {
                var all = index.Screen(new ScreeningQuery(q.Text, q.Country), ScreeningOptions.Default with { Threshold = 0, Limit = 50 });
                var target = all.FirstOrDefault(m => Targets.Same(q.Target!, m.ListId, m.EntryId, m.Name));
                rows.Add([
                    q.Kind, q.Text, q.Target!.Entry.Name,
                    target is null ? "not among the top 50 candidates" : Stats.F(target.Score),
                    all.Count == 0 ? "no candidate" : $"{all[0].Explanation.MatchedName} ({Stats.F(all[0].Score)})",
                ]);
            }
        }

        return rows;
    }

    private static IReadOnlyList<string> RunRow(string name, RunResult r) =>
        [
            name, Stats.Ms(r.BuildMs), Stats.Mb(r.IndexBytes), Stats.Mb(r.WorkingSet), Stats.Ms(r.P50), Stats.Ms(r.P95), Stats.Ms(r.P99), Stats.Ms(r.Max), Stats.Ms(r.Mean),
            Stats.N((long)r.Throughput) + " names/s", Stats.N((long)r.Throughput1) + " names/s", Stats.N((long)r.ThroughputBatch) + " names/s", Stats.N(r.BatchDisagreements), Stats.N((long)(r.AllocatedPerQuery / 1024)) + " KB", $"{r.Gen0} / {r.Gen2}", Stats.Ms(r.EngineSampleMedian), Stats.Ms(r.BruteSampleMedian),
            Stats.F(r.BruteSampleMedian / r.EngineSampleMedian, 0) + "×", Stats.F(r.BruteSampleMean / r.EngineSampleMean, 0) + "×",
            Stats.Ms(r.MemoSampleMedian), Stats.F(r.MemoSampleMedian / r.EngineSampleMedian, 0) + "×",
        ];

    private static List<IReadOnlyList<string>> Recall(List<BenchQuery> queries, List<IReadOnlyList<ScreeningMatch>> found, List<int> sample, List<List<ScanHit>> bruteHits, List<List<ScanHit>> bruteAll, IReadOnlyList<IndexedEntry> entries)
    {
        var rows = new List<IReadOnlyList<string>>();
        var sampleAt = sample.Select((q, k) => (q, k)).ToDictionary(x => x.q, x => x.k);
        foreach (var group in queries.Select((q, i) => (q, i)).GroupBy(x => x.q.Kind).Append(queries.Select((q, i) => (q, i)).Where(x => x.q.Target is not null).GroupBy(_ => "**all targeted**").Single()))
        {
            var list = group.ToList();
            var inSample = list.Where(x => sampleAt.ContainsKey(x.i)).ToList();
            bool EngineOk((BenchQuery q, int i) x) => x.q.Target is { } t ? Targets.Found(t, found[x.i]) : found[x.i].Count > 0;
            bool BruteOk((BenchQuery q, int i) x, List<List<ScanHit>> hits) => x.q.Target is { } t ? Targets.Found(t, hits[sampleAt[x.i]], entries) : hits[sampleAt[x.i]].Count > 0;
            string Share(int n, int of) => of == 0 ? "n/a" : $"{Stats.Pct((double)n / of)} ({n}/{of})";
            var unrelated = list.All(x => x.q.Target is null);
            rows.Add([
                group.Key + (unrelated ? " (alert rate)" : ""),
                Stats.N(list.Count),
                Share(list.Count(EngineOk), list.Count),
                Stats.N(inSample.Count),
                Share(inSample.Count(EngineOk), inSample.Count),
                Share(inSample.Count(x => BruteOk(x, bruteHits)), inSample.Count),
                unrelated ? "n/a" : Share(inSample.Count(x => BruteOk(x, bruteAll)), inSample.Count),
            ]);
        }

        return rows;
    }

    /// <summary>
    /// The generated-index query mix (seed <see cref="NameGenerator.Seed"/> + 1): 25 % exact names
    /// (primary or alias), 25 % typos, 15 % reordered, 20 % unrelated (tables disjoint from the index),
    /// 15 % Chinese names in Chinese characters.
    /// </summary>
    internal static List<BenchQuery> GeneratedQueries(List<IndexedEntry> entries, int count)
    {
        var random = new Random(NameGenerator.Seed + 1);
        var other = new NameGenerator(NameGenerator.Seed + 2);
        var chinese = Enumerable.Range(0, entries.Count).Where(i => entries[i].Entry.ChineseName is not null).ToList();
        var queries = new List<BenchQuery>(count);
        while (queries.Count < count)
        {
            var slot = queries.Count % 20;
            var entry = entries[random.Next(entries.Count)];
            BenchQuery? q = slot switch
            {
                < 5 => new BenchQuery("exact", random.Next(5) == 0 ? entry.Entry.AllNames().Last() : entry.Entry.Name, entry),
                < 10 => Perturb.Typo(entry.Entry.Name, random) is { } t ? new BenchQuery("typo", t, entry) : null,
                < 13 => Perturb.Reorder(entry.Entry.Name) is { } r ? new BenchQuery("reordered", r, entry) : null,
                < 17 => new BenchQuery("unrelated", other.Unrelated(), null),
                _ => chinese.Count == 0 ? null : entries[chinese[random.Next(chinese.Count)]] is var c ? new BenchQuery("chinese", c.Entry.ChineseName!, c) : null,
            };
            if (q is not null)
            {
                queries.Add(q);
            }
        }

        return queries;
    }

    /// <summary>
    /// The real-list query mix (seed 11): 20 % exact primary names, 25 % typos, 15 % reordered, 10 %
    /// abbreviated or legal form dropped, 20 % unrelated (yente negative names, global and US), 10 %
    /// Chinese (listed Chinese names where the lists carry them, otherwise Chinese-script negatives).
    /// </summary>
    private static List<BenchQuery> ListQueries(LoadedLists lists, BenchPaths paths, int count)
    {
        var random = new Random(11);
        var entries = lists.Entries;
        var negatives = NegativeFiles
            .SelectMany(f => Csv.ReadWithHeader(Path.Combine(paths.Eval, "yente", f)).Select(r => r["full_name"]))
            .ToList();
        var chineseEntries = Enumerable.Range(0, entries.Count).Where(i => entries[i].Entry.ChineseName is not null).ToList();
        var chineseNegatives = negatives.Where(n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF')).ToList();
        var queries = new List<BenchQuery>(count);
        while (queries.Count < count)
        {
            var slot = queries.Count % 20;
            var entry = entries[random.Next(entries.Count)];
            var name = entry.Entry.Name;
            BenchQuery? q = slot switch
            {
                < 4 => new BenchQuery("exact", name, entry),
                < 9 => Perturb.Typo(name, random) is { } t ? new BenchQuery("typo", t, entry) : null,
                < 12 => Perturb.Reorder(name) is { } r ? new BenchQuery("reordered", r, entry) : null,
                < 14 => (Perturb.Abbreviate(name) ?? Perturb.DropLegalForm(name)) is { } a ? new BenchQuery("abbreviated / legal form dropped", a, entry) : null,
                < 18 => new BenchQuery("unrelated", negatives[random.Next(negatives.Count)], null),
                _ when chineseEntries.Count > 0 => entries[chineseEntries[random.Next(chineseEntries.Count)]] is var c ? new BenchQuery("chinese", c.Entry.ChineseName!, c) : null,
                _ => chineseNegatives.Count > 0 ? new BenchQuery("unrelated chinese", chineseNegatives[random.Next(chineseNegatives.Count)], null) : null,
            };
            if (q is not null)
            {
                queries.Add(q);
            }
        }

        return queries;
    }
}
