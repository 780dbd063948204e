using System.Collections.Concurrent;
using System.Diagnostics;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>Confusion counts of a scorer at a threshold, with <c>true</c> (same party) as the positive class.</summary>
internal readonly record struct Confusion(int Tp, int Fp, int Fn, int Tn)
{
    public int Count => Tp + Fp + Fn + Tn;

    public double Precision => Tp + Fp == 0 ? double.NaN : (double)Tp / (Tp + Fp);

    public double Recall => Tp + Fn == 0 ? double.NaN : (double)Tp / (Tp + Fn);

    public double F1 => Tp == 0 ? 0 : 2.0 * Tp / ((2.0 * Tp) + Fp + Fn);

    public double Accuracy => Count == 0 ? double.NaN : (double)(Tp + Tn) / Count;

    public static Confusion Of(IEnumerable<(bool Label, double Score)> items, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (label, score) in items)
        {
            var predicted = score >= threshold;
            if (label && predicted)
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (label)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new Confusion(tp, fp, fn, tn);
    }
}

/// <summary>
/// <c>screening-accuracy</c>: the engine against the brute-force reference on the evaluation sets in
/// <c>shared/data/eval</c> (read in place), following that folder's README for each set.
/// </summary>
internal static class ScreeningAccuracy
{
    private const double Threshold = ScreeningOptions.DefaultThreshold;

    private static readonly string[] NegativeFiles = ["negatives_global.csv", "negatives_us.csv"];

    private sealed record PairCase(string Group, string Schema, string Name1, string Name2, bool Match, string Quality, double Engine, double Brute);

    public static int Run(BenchPaths paths, BenchOptions options, Report report)
    {
        report.Line($"# Screening accuracy ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion})");
        report.Line($"Engine: {BenchPaths.EngineVersion()}. Evaluation data: {paths.Eval} (read in place). Default threshold {Threshold:0.00}. Engine scores are NameMatcher.Compare for pairs and ScreeningIndex.Screen for lists; the baseline is the bench project's brute-force best-pairs Jaro-Winkler.");
        var engineErrors = new ConcurrentBag<string>();

        var sections = (options.String("sections") ?? "cases,cross-script,ofac,negatives,un,recall").Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (sections.Contains("cases"))
        {
            Cases(paths, report, engineErrors);
        }

        if (sections.Contains("cross-script"))
        {
            CrossScript(paths, report, engineErrors);
        }

        if (sections.Contains("ofac"))
        {
            OfacFixtures(paths, report, engineErrors);
        }

        if (!sections.Overlaps(["negatives", "un", "recall"]))
        {
            return 0;
        }

        var lists = ListSources.Load(paths, options, report);
        report.Heading("## Reference lists for the list-based sets");
        foreach (var s in lists.Sources)
        {
            report.Line($"- {s}");
        }

        var sw = Stopwatch.StartNew();
        var index = ScreeningIndex.Build(lists.Entries);
        var buildMs = sw.Elapsed.TotalMilliseconds;
        var brute = new BruteForceIndex(lists.Entries);
        report.Line();
        report.Line($"Engine index: {Stats.N(index.EntryCount)} entries, {Stats.N(index.NameCount)} names, built in {Stats.Ms(buildMs)}. Brute-force scan: {Stats.N(brute.NameCount)} tokenised names.");

        // The brute force's threshold at which it alerts on the negatives no more often than the engine does (null
        // when the negatives are not run): recall compared at an equal false-alert rate, not only at one threshold.
        NegativeTops? negativeTops = null;
        if (sections.Contains("negatives"))
        {
            negativeTops = Negatives(paths, options, report, index, brute);
        }

        if (sections.Contains("un"))
        {
            UnPositives(paths, report, index, brute);
        }

        if (sections.Contains("recall"))
        {
            IndexRecall(lists, options, report, index, brute, negativeTops);
        }

        if (!engineErrors.IsEmpty)
        {
            report.Heading("## Engine exceptions");
            foreach (var e in engineErrors.Take(50))
            {
                report.Line($"- {e}");
            }
        }

        return 0;
    }

    private static double EngineScore(string query, string candidate, ConcurrentBag<string> errors)
    {
        try
        {
            return NameMatcher.Compare(query, candidate).Score;
        }
        catch (Exception ex) when (ex is not NotImplementedException and not OutOfMemoryException)
        {
            errors.Add($"NameMatcher.Compare(\"{query}\", \"{candidate}\") threw {ex.GetType().Name}: {ex.Message}");
            return 0;
        }
    }

    // ---------------------------------------------------------------- nomenklatura/cases.csv

    private static void Cases(BenchPaths paths, Report report, ConcurrentBag<string> errors)
    {
        var rows = Csv.ReadWithHeader(Path.Combine(paths.Eval, "nomenklatura", "cases.csv"));
        var cases = rows.Select(r => new PairCase(
            r["case_group"],
            r["schema"],
            r["name1"],
            r["name2"],
            string.Equals(r["is_match"], "true", StringComparison.OrdinalIgnoreCase),
            r["quality"] is { Length: > 0 } q ? q : "MEDIUM",
            EngineScore(r["name1"], r["name2"], errors),
            BruteForce.Compare(r["name1"], r["name2"]))).ToList();

        report.Heading($"## nomenklatura/cases.csv ({cases.Count} labelled pairs, {cases.Count(c => c.Match)} true)");
        var engineBest = BestF1(cases.Select(c => (c.Match, c.Engine)));
        var bruteBest = BestF1(cases.Select(c => (c.Match, c.Brute)));
        report.Table(
            ["Scorer", "Threshold", "TP", "FP", "FN", "TN", "Precision", "Recall", "F1", "Accuracy"],
            [
                Row("Engine", Threshold, Confusion.Of(cases.Select(c => (c.Match, c.Engine)), Threshold)),
                Row("Engine, best-F1 threshold", engineBest, Confusion.Of(cases.Select(c => (c.Match, c.Engine)), engineBest)),
                Row("Brute force", Threshold, Confusion.Of(cases.Select(c => (c.Match, c.Brute)), Threshold)),
                Row("Brute force, best-F1 threshold", bruteBest, Confusion.Of(cases.Select(c => (c.Match, c.Brute)), bruteBest)),
            ]);

        report.Heading("Threshold sweep (F1; precision / recall):");
        var sweep = new[] { 0.70, 0.75, 0.80, 0.84, 0.86, 0.88, 0.90, 0.92, 0.94, 0.96, Threshold, engineBest, bruteBest }.Distinct().Order().ToArray();
        report.Table(
            ["Threshold", "Engine F1", "Engine P / R", "Brute F1", "Brute P / R"],
            sweep.Select(t =>
            {
                var e = Confusion.Of(cases.Select(c => (c.Match, c.Engine)), t);
                var b = Confusion.Of(cases.Select(c => (c.Match, c.Brute)), t);
                return (IReadOnlyList<string>)[t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Stats.F(e.F1), $"{Stats.F(e.Precision)} / {Stats.F(e.Recall)}", Stats.F(b.F1), $"{Stats.F(b.Precision)} / {Stats.F(b.Recall)}"];
            }));

        foreach (var (title, key) in new (string, Func<PairCase, string>)[] { ("quality", c => c.Quality), ("case_group", c => c.Group), ("schema", c => c.Schema) })
        {
            report.Heading($"By {title} (at {Threshold:0.00}):");
            report.Table(
                [title, "Pairs", "TP", "FP", "FN", "TN", "Engine P", "Engine R", "Engine F1", "Engine acc.", "Brute F1", "Brute acc."],
                cases.GroupBy(key).OrderByDescending(g => g.Count()).Select(g =>
                {
                    var e = Confusion.Of(g.Select(c => (c.Match, c.Engine)), Threshold);
                    var b = Confusion.Of(g.Select(c => (c.Match, c.Brute)), Threshold);
                    return (IReadOnlyList<string>)[g.Key, Stats.N(g.Count()), Stats.N(e.Tp), Stats.N(e.Fp), Stats.N(e.Fn), Stats.N(e.Tn), Stats.F(e.Precision), Stats.F(e.Recall), Stats.F(e.F1), Stats.Pct(e.Accuracy), Stats.F(b.F1), Stats.Pct(b.Accuracy)];
                }));
        }

        report.Heading("Calibration (mean score; should fall steadily down the table):");
        var order = new[] { ("STRONG", true), ("MEDIUM", true), ("WEAK", true), ("WEAK", false), ("MEDIUM", false), ("STRONG", false) };
        var means = order.Select(o => (o, Cases: cases.Where(c => c.Quality == o.Item1 && c.Match == o.Item2).ToList())).ToList();
        report.Table(
            ["Group", "Pairs", "Engine mean", "Brute mean"],
            means.Select(m => (IReadOnlyList<string>)[$"{m.o.Item1} {(m.o.Item2 ? "match" : "non-match")}", Stats.N(m.Cases.Count), Stats.F(m.Cases.Average(c => c.Engine)), Stats.F(m.Cases.Average(c => c.Brute))]));
        var engineMeans = means.Select(m => m.Cases.Average(c => c.Engine)).ToList();
        var bruteMeans = means.Select(m => m.Cases.Average(c => c.Brute)).ToList();
        report.Line();
        report.Line($"Monotonic: engine {(engineMeans.Zip(engineMeans.Skip(1)).All(p => p.First >= p.Second) ? "yes" : "no")}, brute force {(bruteMeans.Zip(bruteMeans.Skip(1)).All(p => p.First >= p.Second) ? "yes" : "no")}.");

        var strongErrors = cases.Where(c => c.Quality == "STRONG" && (c.Engine >= Threshold) != c.Match).ToList();
        report.Heading($"STRONG errors of the engine at {Threshold:0.00}: {strongErrors.Count} of {cases.Count(c => c.Quality == "STRONG")} (brute force: {cases.Count(c => c.Quality == "STRONG" && (c.Brute >= Threshold) != c.Match)})");
        if (strongErrors.Count > 0)
        {
            report.Table(
                ["name1 (query)", "name2 (candidate)", "Schema", "Label", "Engine", "Brute"],
                strongErrors.Select(c => (IReadOnlyList<string>)[c.Name1, c.Name2, c.Schema, c.Match ? "match" : "non-match", Stats.F(c.Engine), Stats.F(c.Brute)]),
                "llll");
        }

        var weak = cases.Where(c => c.Quality == "WEAK" && (c.Engine >= Threshold) != c.Match).ToList();
        report.Line();
        report.Line($"WEAK errors (acceptable): {weak.Count} of {cases.Count(c => c.Quality == "WEAK")}; their mean distance from the threshold is {Stats.F(weak.Count == 0 ? double.NaN : weak.Average(c => Math.Abs(c.Engine - Threshold)))}.");

        var worst = cases.Where(c => c.Quality == "MEDIUM" && (c.Engine >= Threshold) != c.Match)
            .OrderByDescending(c => Math.Abs(c.Engine - Threshold)).Take(15).ToList();
        report.Heading($"The 15 MEDIUM errors furthest from the threshold (of {cases.Count(c => c.Quality == "MEDIUM" && (c.Engine >= Threshold) != c.Match)}):");
        report.Table(
            ["name1 (query)", "name2 (candidate)", "Schema", "Label", "Engine", "Brute"],
            worst.Select(c => (IReadOnlyList<string>)[c.Name1, c.Name2, c.Schema, c.Match ? "match" : "non-match", Stats.F(c.Engine), Stats.F(c.Brute)]),
            "llll");
    }

    private static IReadOnlyList<string> Row(string name, double threshold, Confusion c) =>
        [name, threshold.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Stats.N(c.Tp), Stats.N(c.Fp), Stats.N(c.Fn), Stats.N(c.Tn), Stats.F(c.Precision), Stats.F(c.Recall), Stats.F(c.F1), Stats.Pct(c.Accuracy)];

    private static double BestF1(IEnumerable<(bool Label, double Score)> items)
    {
        var list = items.ToList();
        var best = (F1: -1.0, T: 0.0);
        for (var t = 0.50; t <= 0.995; t += 0.01)
        {
            var rounded = Math.Round(t, 2);
            var f1 = Confusion.Of(list, rounded).F1;
            if (f1 > best.F1)
            {
                best = (f1, rounded);
            }
        }

        return best.T;
    }

    // ---------------------------------------------------------------- watchman/cross_script_pairs.csv

    private static void CrossScript(BenchPaths paths, Report report, ConcurrentBag<string> errors)
    {
        // No header; '#' lines are comments (each section opens with "# <Script> to Latin ..."); blank lines separate sections.
        var pairs = new List<(string Script, string Query, string Expected, double MinScore)>();
        var script = "?";
        foreach (var raw in File.ReadAllLines(Path.Combine(paths.Eval, "watchman", "cross_script_pairs.csv")))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var at = line.IndexOf(" to Latin", StringComparison.Ordinal);
                if (at > 0)
                {
                    script = line[1..at].Trim();
                }

                continue;
            }

            var f = line.Split(',');
            pairs.Add((script, f[0].Trim(), f[1].Trim(), double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        var scored = pairs.Select(p => (p, Engine: EngineScore(p.Query, p.Expected, errors), Brute: BruteForce.Compare(p.Query, p.Expected))).ToList();
        report.Heading($"## watchman/cross_script_pairs.csv ({pairs.Count} true pairs, query in its own script vs Latin form)");
        report.Table(
            ["Script", "Pairs", "Engine matched ≥ threshold", "Engine ≥ Min Score", "Brute matched ≥ threshold"],
            scored.GroupBy(s => s.p.Script).Select(g => (IReadOnlyList<string>)[g.Key, Stats.N(g.Count()), $"{g.Count(s => s.Engine >= Threshold)}", $"{g.Count(s => s.Engine >= s.p.MinScore)}", $"{g.Count(s => s.Brute >= Threshold)}"])
                .Append(["**All**", Stats.N(scored.Count), $"{scored.Count(s => s.Engine >= Threshold)} ({Stats.Pct((double)scored.Count(s => s.Engine >= Threshold) / scored.Count)})", $"{scored.Count(s => s.Engine >= s.p.MinScore)} ({Stats.Pct((double)scored.Count(s => s.Engine >= s.p.MinScore) / scored.Count)})", $"{scored.Count(s => s.Brute >= Threshold)} ({Stats.Pct((double)scored.Count(s => s.Brute >= Threshold) / scored.Count)})"]));
        report.Line();
        report.Line("Per pair (engine score): " + string.Join("; ", scored.Select(s => $"{s.p.Query} → {s.p.Expected} {Stats.F(s.Engine, 2)}")));
    }

    // ---------------------------------------------------------------- nomenklatura/ofac_fixtures.csv

    private static void OfacFixtures(BenchPaths paths, Report report, ConcurrentBag<string> errors)
    {
        var rows = Csv.ReadWithHeader(Path.Combine(paths.Eval, "nomenklatura", "ofac_fixtures.csv"))
            .Select(r => (Query: r["query_name"], Result: r["result_name"], Ofac: double.Parse(r["ofac_score"], System.Globalization.CultureInfo.InvariantCulture)))
            .Select(r => (r.Query, r.Result, r.Ofac, Engine: EngineScore(r.Query, r.Result, errors) * 100, Brute: BruteForce.Compare(r.Query, r.Result) * 100))
            .ToList();
        var scored = rows.Where(r => r.Ofac >= 0).ToList();
        var negatives = rows.Where(r => r.Ofac < 0).ToList();
        report.Heading($"## nomenklatura/ofac_fixtures.csv ({rows.Count} rows, {scored.Count} with an OFAC score, {negatives.Count} below OFAC's 80 cut-off)");

        IReadOnlyList<string> Line(string name, Func<(string Query, string Result, double Ofac, double Engine, double Brute), double> score)
        {
            var mae = scored.Average(r => Math.Abs(score(r) - r.Ofac));
            var within = (double)scored.Count(r => Math.Abs(score(r) - r.Ofac) <= 5) / scored.Count;
            var below = (double)negatives.Count(r => score(r) < 80) / negatives.Count;
            var byQuery = rows.GroupBy(r => r.Query).ToList();
            var agree = 0;
            var spearman = new List<double>();
            foreach (var g in byQuery)
            {
                var items = g.Where(r => r.Ofac >= 0).ToList();
                if (items.Count == 0)
                {
                    continue;
                }

                var ofacTop = items.Max(r => r.Ofac);
                var mine = items.MaxBy(score);
                if (mine.Ofac >= ofacTop)
                {
                    agree++;
                }

                if (items.Count >= 3)
                {
                    var rho = Spearman(items.Select(r => r.Ofac).ToList(), items.Select(score).ToList());
                    if (!double.IsNaN(rho))
                    {
                        spearman.Add(rho);
                    }
                }
            }

            var queries = byQuery.Count(g => g.Any(r => r.Ofac >= 0));
            return [name, Stats.F(mae, 1), Stats.Pct(within), Stats.Pct(below), $"{agree} / {queries} ({Stats.Pct((double)agree / queries)})", $"{Stats.F(spearman.Count == 0 ? double.NaN : spearman.Average(), 2)} ({spearman.Count} queries)"];
        }

        report.Table(
            ["Scorer", "MAE (×100)", "Within ±5", "−1 rows scored < 80", "Top result agrees with OFAC", "Mean Spearman per query"],
            [Line("Engine", r => r.Engine), Line("Brute force", r => r.Brute)]);
        report.Line();
        report.Line("Largest engine deviations: " + string.Join("; ", scored.OrderByDescending(r => Math.Abs(r.Engine - r.Ofac)).Take(8)
            .Select(r => $"{r.Query} ↔ {r.Result}: OFAC {r.Ofac:0}, engine {r.Engine:0}")));
        report.Line();
        report.Line("−1 rows: " + string.Join("; ", negatives.Select(r => $"{r.Query} ↔ {r.Result}: engine {r.Engine:0}")));
    }

    private static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        var ma = ra.Average();
        var mb = rb.Average();
        double num = 0, da = 0, db = 0;
        for (var i = 0; i < ra.Length; i++)
        {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }

        return da == 0 || db == 0 ? double.NaN : num / Math.Sqrt(da * db);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var k = 0;
        while (k < order.Length)
        {
            var end = k;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[k]])
            {
                end++;
            }

            for (var j = k; j <= end; j++)
            {
                ranks[order[j]] = (k + end) / 2.0;
            }

            k = end + 1;
        }

        return ranks;
    }

    // ---------------------------------------------------------------- yente negatives

    /// <summary>The negatives; returns the top name-only scores of both scorers on the brute-force sample.</summary>
    private static NegativeTops Negatives(BenchPaths paths, BenchOptions options, Report report, ScreeningIndex index, BruteForceIndex brute)
    {
        var sampleEngineTop = new List<double>();
        var sampleBruteTop = new List<double>();
        var bruteEvery = options.Int("brute-every", 25);
        report.Heading("## yente negatives (synthetic persons; ideally no alert) against the default lists + OFAC SDN");
        var rows = new List<IReadOnlyList<string>>();
        var examples = new List<(string File, string Query, ScreeningMatch Match)>();
        var byScript = new List<(string Script, bool Alert, bool AlertWithCountry)>();

        // --alerts-out FILE: every alert, query by query, to compare two builds of the engine (diff the files).
        var alertsOut = options.String("alerts-out");
        using var alerts = alertsOut is null ? null : new StreamWriter(alertsOut);
        foreach (var file in NegativeFiles)
        {
            var records = Csv.ReadWithHeader(Path.Combine(paths.Eval, "yente", file));
            var withCountry = new int[records.Count];
            var nameOnly = new int[records.Count];
            var lines = new string?[records.Count];
            var top = new ConcurrentBag<(string, ScreeningMatch)>();
            var sw = Stopwatch.StartNew();
            Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var name = records[i]["full_name"];
                var country = Countries.ToIso2(records[i]["nationality"]);
                var m = index.Screen(new ScreeningQuery(name, country));
                withCountry[i] = m.Count;
                var n = index.Screen(new ScreeningQuery(name));
                nameOnly[i] = n.Count;
                if (n.Count > 0)
                {
                    top.Add((name, n[0]));
                }

                if (alerts is not null && (m.Count > 0 || n.Count > 0))
                {
                    lines[i] = $"{file}\t{i}\t{name}\tcountry: {AlertList(m)}\tname only: {AlertList(n)}";
                }
            });
            foreach (var line in lines)
            {
                if (line is not null)
                {
                    alerts!.WriteLine(line);
                }
            }

            var seconds = sw.Elapsed.TotalSeconds;

            var sample = Enumerable.Range(0, records.Count).Where(i => i % bruteEvery == 0).ToList();
            var bruteTop = new double[sample.Count];
            var engineTop = new double[sample.Count];
            Parallel.For(0, sample.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
            {
                var name = records[sample[k]]["full_name"];
                var hits = brute.Scan(name, 0, 1);
                bruteTop[k] = hits.Count == 0 ? 0 : hits[0].Score;
                var found = index.Screen(new ScreeningQuery(name), ScreeningOptions.Default with { Threshold = 0, Limit = 1 });
                engineTop[k] = found.Count == 0 ? 0 : found[0].Score;
            });
            var bruteAlerts = bruteTop.Select(t => t >= Threshold ? 1 : 0).ToArray();
            sampleEngineTop.AddRange(engineTop);
            sampleBruteTop.AddRange(bruteTop);

            rows.Add([
                file, Stats.N(records.Count),
                Stats.Pct((double)withCountry.Count(c => c > 0) / records.Count, 2), Stats.F(1000.0 * withCountry.Count(c => c > 0) / records.Count, 1), Stats.F(withCountry.Average(), 3),
                Stats.Pct((double)nameOnly.Count(c => c > 0) / records.Count, 2), Stats.F(1000.0 * nameOnly.Count(c => c > 0) / records.Count, 1),
                $"{Stats.Pct((double)sample.Count(i => nameOnly[i] > 0) / sample.Count, 2)} / {Stats.Pct((double)bruteAlerts.Count(c => c > 0) / sample.Count, 2)} (n = {sample.Count})",
                Stats.N((long)(2 * records.Count / seconds)),
            ]);
            examples.AddRange(top.GroupBy(t => Scripts.Of(t.Item1)).SelectMany(g => g.OrderByDescending(t => t.Item2.Score).ThenBy(t => t.Item1, StringComparer.Ordinal).Take(3)).Select(t => (file, t.Item1, t.Item2)));
            byScript.AddRange(records.Select((r, i) => (Scripts.Of(r["full_name"]), nameOnly[i] > 0, withCountry[i] > 0)));
        }

        report.Table(
            ["File", "Records", "Alert rate (with nationality)", "Alerts / 1,000", "Mean matches returned", "Alert rate (name only)", "Alerts / 1,000 (name only)", "Name only on a sample: engine / brute force", "Screens/s (2 threads)"],
            rows);
        report.Line();
        var tops = new NegativeTops(sampleEngineTop, sampleBruteTop);
        var engineRate = tops.EngineRate(Threshold);
        var equal = tops.EqualAlertThreshold(engineRate);
        report.Line($"Equal false alerts: on the two samples pooled (n = {Stats.N(sampleBruteTop.Count)}), the engine alerts on {Stats.Pct(engineRate, 2)} at {Threshold:0.00}; "
            + $"the brute force alerts no more often from a threshold of {equal:0.000} ({Stats.Pct(tops.BruteRate(equal), 2)}). The recall section compares the two there too.");
        report.Line();
        report.Line("By the script of the query name (both files):");
        report.Line();
        report.Table(
            ["Script", "Records", "Alert rate (name only)", "Alerts / 1,000 (name only)", "Alert rate (with nationality)"],
            byScript.GroupBy(x => x.Script).OrderByDescending(g => g.Count()).Select(g => (IReadOnlyList<string>)[
                g.Key, Stats.N(g.Count()), Stats.Pct((double)g.Count(x => x.Alert) / g.Count(), 2), Stats.F(1000.0 * g.Count(x => x.Alert) / g.Count(), 1), Stats.Pct((double)g.Count(x => x.AlertWithCountry) / g.Count(), 2)]));
        report.Line();
        report.Line("Highest-scoring name-only alerts, three per file and script (to check by hand; a synthetic name can coincide with a listed person):");
        report.Line();
        report.Table(
            ["File", "Query", "Matched", "List", "Score", "Explanation"],
            examples.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => Scripts.Of(e.Query), StringComparer.Ordinal).Select(e => (IReadOnlyList<string>)[e.File, e.Query, e.Match.Explanation.MatchedName, e.Match.ListId, Stats.F(e.Match.Score), e.Match.Explanation.Summary]),
            "llllrl");
        return tops;
    }

    private static string AlertList(IReadOnlyList<ScreeningMatch> matches) =>
        string.Join(' ', matches.Select(x => $"{x.ListId}/{x.EntryId}={x.Score.ToString("F9", System.Globalization.CultureInfo.InvariantCulture)}"));

    // ---------------------------------------------------------------- yente UN positives (measured against SDN)

    private static void UnPositives(BenchPaths paths, Report report, ScreeningIndex index, BruteForceIndex brute)
    {
        report.Heading("## yente UN positives against the default lists + OFAC SDN (the UN list itself is not loaded)");
        report.Line("These persons are on the UN Security Council list, which Lodestone does not load; many (Taliban, ISIL/Al-Qaida) are also on OFAC SDN, so a hit here is an SDN hit. The figures are a lower bound of recall, useful for the untreated → treated gap (typos, reordering) and engine vs brute force; they are not a recall of the UN list.");
        report.Line();
        var table = new List<IReadOnlyList<string>>();
        var untreatedHits = Array.Empty<bool>();
        foreach (var file in new[] { "positives_un_untreated.csv", "positives_un_treated.csv" })
        {
            var records = Csv.ReadWithHeader(Path.Combine(paths.Eval, "yente", file));
            var hit = new bool[records.Count];
            var top = new double[records.Count];
            var empty = new bool[records.Count];
            var bruteHit = new bool[records.Count];
            var bruteTop = new double[records.Count];
            Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var query = new ScreeningQuery(records[i]["full_name"], Countries.ToIso2(records[i]["nationality"]));
                hit[i] = index.Screen(query).Count > 0;
                var any = index.Screen(query, ScreeningOptions.Default with { Threshold = 0, Limit = 1 });
                empty[i] = any.Count == 0;
                top[i] = any.Count == 0 ? 0 : any[0].Score;
                var b = brute.Scan(records[i]["full_name"], 0, 1);
                bruteTop[i] = b.Count == 0 ? 0 : b[0].Score;
                bruteHit[i] = bruteTop[i] >= Threshold;
            });
            table.Add([file, Stats.N(records.Count), Stats.Pct((double)hit.Count(h => h) / records.Count), Stats.F(top.Average()), Stats.Pct((double)empty.Count(e => e) / records.Count), Stats.Pct((double)bruteHit.Count(h => h) / records.Count), Stats.F(bruteTop.Average())]);
            if (file.Contains("untreated", StringComparison.Ordinal))
            {
                untreatedHits = hit;
            }
            else if (untreatedHits.Length == hit.Length)
            {
                var lost = Enumerable.Range(0, hit.Length).Where(i => untreatedHits[i] && !hit[i]).ToList();
                report.Line($"Treated rows that lost their hit: {lost.Count}" + (lost.Count == 0 ? "." : ", e.g. " + string.Join("; ", lost.Take(8).Select(i => $"\"{records[i]["full_name"]}\""))));
                report.Line();
            }
        }

        report.Table(["File", "Records", "Engine: any match ≥ threshold", "Engine mean top score", "Engine: no candidate at all", "Brute: any ≥ threshold", "Brute mean top score"], table);
    }

    // ---------------------------------------------------------------- index search vs brute-force scan

    private static void IndexRecall(LoadedLists lists, BenchOptions options, Report report, ScreeningIndex index, BruteForceIndex brute, NegativeTops? negatives)
    {
        var queries = Targets.Derived(lists.Entries, options.Int("sample", 600), seed: 7);
        double? equalAlerts = negatives?.EqualAlertThreshold(negatives.EngineRate(Threshold));
        var targetScores = new (double Engine, double Brute)[queries.Count];
        report.Heading($"## Index search vs brute-force scan ({queries.Count} queries derived from {options.Int("sample", 600)} sampled list entries)");
        report.Line("Found = the entry the query was derived from (or an entry with the same primary name) is among the results. Engine: Screen with the default threshold and limit 10, and with threshold 0 (candidate generation only). Brute force: top 10 of the full scan at the same threshold, and unthresholded.");
        report.Line();
        var results = new (bool Engine, bool Engine0, bool Brute, bool Brute0, bool BruteTop1, bool BruteEqual)[queries.Count];
        var misses = new ConcurrentBag<(string Kind, string Text)>();
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var q = queries[i];
            var target = q.Target!;
            var e = index.Screen(new ScreeningQuery(q.Text));
            var e0 = index.Screen(new ScreeningQuery(q.Text), ScreeningOptions.Default with { Threshold = 0 });
            var b0 = brute.Scan(q.Text, 0, 10);
            var b = b0.Where(h => h.Score >= Threshold).ToList();
            var top1 = b0.Count > 0 && Targets.Same(target, brute.Entries[b0[0].Entry].ListId, brute.Entries[b0[0].Entry].Entry.Id, brute.Entries[b0[0].Entry].Entry.Name);
            targetScores[i] = (
                e0.Where(m => Targets.Same(target, m.ListId, m.EntryId, m.Name)).Select(m => m.Score).DefaultIfEmpty(0).Max(),
                b0.Where(h => Targets.Same(target, brute.Entries[h.Entry].ListId, brute.Entries[h.Entry].Entry.Id, brute.Entries[h.Entry].Entry.Name)).Select(h => h.Score).DefaultIfEmpty(0).Max());
            results[i] = (Targets.Found(target, e), Targets.Found(target, e0), Targets.Found(target, b, brute.Entries), Targets.Found(target, b0, brute.Entries), top1,
                equalAlerts is { } t && targetScores[i].Brute >= t - 1e-9);
            if (top1 && !results[i].Engine)
            {
                var best = e0.Count > 0 ? $"engine's best: \"{e0[0].Explanation.MatchedName}\" {Stats.F(e0[0].Score)}" : "no engine candidate";
                var targetScore = e0.FirstOrDefault(m => Targets.Same(target, m.ListId, m.EntryId, m.Name));
                misses.Add((q.Kind, $"[{q.Kind}] \"{q.Text}\" → expected {target.ListId}/{target.Entry.Id} \"{target.Entry.Name}\" (brute {Stats.F(b0[0].Score)}); got {(targetScore is null ? "target not among candidates" : $"target at {Stats.F(targetScore.Score)}")}, {best}"));
            }
        });

        if (equalAlerts is { } equal)
        {
            report.Line($"Last column: the brute force at {equal:0.000}, where it alerts on the negatives no more often than the engine at {Threshold:0.00} (see the negatives section).");
            report.Line();
        }

        report.Table(
            ["Query kind", "Queries", "Engine found", "Engine candidates (threshold 0)", "Brute found ≥ threshold", "Brute top 10", "Brute ranks it first", "Engine finds it when brute ranks it first", "Brute found at equal false alerts"],
            queries.Select((q, i) => (q.Kind, r: results[i])).GroupBy(x => x.Kind).Append(queries.Select((q, i) => (Kind: "**All**", r: results[i])).GroupBy(x => x.Kind).Single())
                .Select(g =>
                {
                    var n = g.Count();
                    var top1 = g.Where(x => x.r.BruteTop1).ToList();
                    return (IReadOnlyList<string>)[g.Key, Stats.N(n), Stats.Pct((double)g.Count(x => x.r.Engine) / n), Stats.Pct((double)g.Count(x => x.r.Engine0) / n), Stats.Pct((double)g.Count(x => x.r.Brute) / n), Stats.Pct((double)g.Count(x => x.r.Brute0) / n), Stats.Pct((double)top1.Count / n), top1.Count == 0 ? "n/a" : Stats.Pct((double)top1.Count(x => x.r.Engine) / top1.Count),
                        equalAlerts is null ? "n/a" : Stats.Pct((double)g.Count(x => x.r.BruteEqual) / n)];
                }));
        report.Line();
        report.Line($"Queries the brute-force scan ranks first but the engine misses at the default threshold: {misses.Count} ("
            + string.Join(", ", misses.GroupBy(m => m.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")) + "); up to 8 of each kind:");
        report.Line();
        foreach (var m in misses.GroupBy(m => m.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Select(x => x.Text).Order(StringComparer.Ordinal).Take(8)))
        {
            report.Line($"- {m}");
        }

        if (negatives is not null)
        {
            EqualAlerts.Curve(report, negatives, targetScores);
        }
    }
}
