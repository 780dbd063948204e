using System.Diagnostics;
using System.Globalization;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>
/// <c>screening-profile</c>: a quick look at where the generated index's latency goes, for engine work, not for
/// figures (those come from <c>screening-speed</c>). Builds the generated index once, times every query of the speed
/// mix (best of <c>--repeat</c>), and lists the percentiles by kind and the slowest queries.
/// </summary>
internal static class ScreeningProfile
{
    public static int Run(BenchOptions options, Report report)
    {
        var names = options.Int("names", 1_000_000);
        var repeat = options.Int("repeat", 3);
        var top = options.Int("top", 25);
        var sw = Stopwatch.StartNew();
        var entries = new NameGenerator().Generate(names);
        var queries = ScreeningSpeed.GeneratedQueries(entries, options.Int("queries", 2000));
        report.Line($"Generated {Stats.N(entries.Count)} entries in {Stats.Ms(sw.Elapsed.TotalMilliseconds)}; load average {BenchPaths.LoadAverage()}.");
        sw.Restart();
        var index = ScreeningIndex.Build(entries);
        report.Line($"Built in {Stats.Ms(sw.Elapsed.TotalMilliseconds)}.");
        foreach (var q in queries)
        {
            index.Screen(new ScreeningQuery(q.Text, q.Country));
        }

        Thread.Sleep(1000);

        // --matches-out FILE [--limit N]: every query's first ten matches (entry, score, matched name) asked with limit N
        // (default 10), to compare two builds of the engine.
        if (options.String("matches-out") is { } matchesOut)
        {
            File.WriteAllLines(matchesOut, queries.Select(q => q.Text + "\t" + string.Join(" | ", index.Screen(new ScreeningQuery(q.Text, q.Country), ScreeningOptions.Default with { Limit = options.Int("limit", 10) }).Take(10)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.EntryId} {m.Score:R} {m.Explanation.MatchedName}")))));
        }

        if (options.Int("loop", 0) is var seconds and > 0)
        {
            var until = Stopwatch.StartNew();
            var done = 0;
            while (until.Elapsed.TotalSeconds < seconds)
            {
                index.Screen(new ScreeningQuery(queries[done % queries.Count].Text, queries[done % queries.Count].Country));
                done++;
            }

            report.Line($"Looped {done} queries.");
            return 0;
        }

        // --loop-batch S: ScreenBatch (one worker) over 10,000 further distinct queries for S seconds, to profile the
        // batch path; --batch-compare N: N rounds of the same queries screened one by one, then as one batch.
        var loopSeconds = options.Int("loop-batch", 0);
        var rounds = options.Int("batch-compare", 0);
        var batchQueries = loopSeconds > 0 || rounds > 0
            ? ScreeningSpeed.GeneratedQueries(entries, queries.Count + 10_000).Skip(queries.Count).Select(q => new ScreeningQuery(q.Text, q.Country)).ToList()
            : [];
        if (loopSeconds > 0)
        {
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < loopSeconds)
            {
                index.ScreenBatch(batchQueries, maxDegreeOfParallelism: 1);
            }

            return 0;
        }

        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var q in batchQueries)
            {
                index.Screen(q);
            }

            var one = Stopwatch.GetElapsedTime(start).TotalMilliseconds / batchQueries.Count;
            start = Stopwatch.GetTimestamp();
            index.ScreenBatch(batchQueries, maxDegreeOfParallelism: 1);
            var batched = Stopwatch.GetElapsedTime(start).TotalMilliseconds / batchQueries.Count;
            report.Line($"Round {round + 1}: one by one {Stats.Ms(one)} a name, as a batch {Stats.Ms(batched)} a name (one thread).");
        }

        var best = new double[queries.Count];
        Array.Fill(best, double.MaxValue);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < repeat; r++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                index.Screen(new ScreeningQuery(queries[i].Text, queries[i].Country));
                best[i] = Math.Min(best[i], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        report.Line($"Process CPU time per query (less sensitive to other load than latency): {Stats.Ms(cpu.TotalMilliseconds / repeat / queries.Count)}.");
        var sorted = best.Order().ToArray();
        report.Line($"All ({queries.Count}, best of {repeat}): p50 {Stats.Ms(sorted[sorted.Length / 2])}, p95 {Stats.Ms(Stats.Percentile(sorted, 0.95))}, p99 {Stats.Ms(Stats.Percentile(sorted, 0.99))}, mean {Stats.Ms(best.Average())}; load average {BenchPaths.LoadAverage()}.");
        foreach (var group in queries.Select((q, i) => (q.Kind, Ms: best[i])).GroupBy(x => x.Kind))
        {
            var ms = group.Select(x => x.Ms).Order().ToArray();
            report.Line($"- {group.Key}: p50 {Stats.Ms(ms[ms.Length / 2])}, p99 {Stats.Ms(Stats.Percentile(ms, 0.99))}, mean {Stats.Ms(ms.Average())}");
        }

        report.Line();
        foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => best[i]).Take(top))
        {
            report.Line(string.Create(CultureInfo.InvariantCulture, $"{best[i],8:F2} ms  {queries[i].Kind,-10} {queries[i].Text}"));
        }

        GC.KeepAlive(index);
        return 0;
    }
}
