using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lodestone.Benchmarks.Screening;
using Lodestone.DataFiles;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Shipments;
using Lodestone.Persistence;
using Lodestone.Services;
using Lodestone.Services.Analytics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lodestone.Benchmarks.Analytics;

/// <summary>
/// The <c>analytics</c> load program (issue 7): generates shipments and applications into a fresh SQLite
/// file and/or PostgreSQL database, builds the roll-ups with the product's own rebuild, then times each
/// dashboard query against a plain GROUP BY over the raw tables, and the what-if replay of every
/// application. Options and figures are in docs/benchmarks.md (Analytics).
/// </summary>
internal static class AnalyticsBench
{
    private static readonly DateOnly DashboardTo = new(2026, 10, 1);
    private static readonly DateOnly DashboardFrom = DashboardTo.AddMonths(-23);
    private static readonly DateOnly DecisionsFrom = new(2025, 1, 1);
    private static readonly DateOnly DecisionsTo = new(2026, 11, 1);

    public static async Task<int> RunAsync(BenchOptions options, Report report, CancellationToken ct)
    {
        var shipments = options.Int("shipments", 10_000_000);
        var applications = options.Int("applications", 1_000_000);
        var which = options.String("database") ?? "both";
        var directory = options.String("dir") ?? "/tmp/lodestone-bench";
        var runs = options.Int("runs", 30);
        var baselineRuns = options.Int("baseline-runs", 5);
        var replayRuns = options.Int("replay-runs", 3);

        // At 10M rows a raw GROUP BY on SQLite takes most of a minute; the first timed run can stand in for the warm-up.
        var baselineWarmUp = options.String("baseline-warmup") is not "false";
        var reuse = options.Flag("reuse");
        var admin = options.String("postgres") ?? Environment.GetEnvironmentVariable("LODESTONE_TEST_POSTGRES");
        Directory.CreateDirectory(directory);

        var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
        var policyYaml = await File.ReadAllTextAsync(Path.Combine(dataDirectory, "policies", "default.yaml"), ct);
        var reference = new ReferenceData(
            ControlListFile.Load(Path.Combine(dataDirectory, "control-list.yaml")),
            CalendarFile.Load(Path.Combine(dataDirectory, "calendar", "china.yaml")),
            PolicyFile.Parse("default.yaml", policyYaml),
            policyYaml);

        report.Heading("# Analytics benchmark");
        report.Line($"Started {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC; {Environment.ProcessorCount} cores; .NET {Environment.Version}; load average {BenchPaths.LoadAverage()}.");
        report.Line($"Data: {Stats.N(shipments)} shipments, {Stats.N(applications)} applications; generator {DataGenerator.Describe()}.");
        report.Line($"Runs: {runs} per roll-up query after one warm-up, {baselineRuns} per naive baseline ({(baselineWarmUp ? "after one warm-up" : "no warm-up")}), {replayRuns} per replay.");

        var targets = new List<Database>();
        if (which is "sqlite" or "both")
        {
            targets.Add(new Database(DatabaseKind.Sqlite, Path.Combine(directory, $"analytics-{shipments}-{applications}.db")));
        }

        if (which is "postgres" or "both")
        {
            if (admin is null)
            {
                throw new InvalidOperationException("PostgreSQL needs --postgres CONNECTION or LODESTONE_TEST_POSTGRES (scripts/postgres.sh start).");
            }

            var name = $"lodestone_bench_{shipments}_{applications}";
            targets.Add(new Database(DatabaseKind.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, CommandTimeout = 0 }.ConnectionString, admin));
        }

        foreach (var database in targets)
        {
            await FormatCheckAsync(database, reference, report, ct);
            await PrepareAsync(database, reference, shipments, applications, reuse, report, ct);

            // --only prepare|queries|replay: on a shared machine the load and the measurements can be run apart.
            var only = options.String("only");
            if (only is null or "queries")
            {
                await MeasureQueriesAsync(database, reference, runs, baselineRuns, baselineWarmUp, report, ct);
            }

            if (only is null or "replay")
            {
                await MeasureReplayAsync(database, policyYaml, applications, replayRuns, report, ct);
            }
            report.Line();
            report.Line($"Finished {database.Kind} at {DateTimeOffset.UtcNow:HH:mm:ss} UTC, load average {BenchPaths.LoadAverage()}.");
        }

        return 0;
    }

    /// <summary>
    /// Proves the loader writes what EF writes: a few generated parties, applications and shipments are saved
    /// once through <c>SaveChangesAsync</c> and once through the bulk path, and every column of every row must
    /// read back the same.
    /// </summary>
    private static async Task FormatCheckAsync(Database target, ReferenceData reference, Report report, CancellationToken ct)
    {
        var viaEf = target.Scratch("check_ef");
        var viaBulk = target.Scratch("check_bulk");
        foreach (var scratch in new[] { viaEf, viaBulk })
        {
            await scratch.RecreateAsync(ct);
            await using var db = scratch.Context();
            await db.Database.MigrateAsync(ct);
        }

        var generator = new DataGenerator(reference.ControlList, reference.Calendar, reference.Policy);
        var parties = generator.Parties(20, 60);
        var apps = generator.Applications(300).ToList();
        var ships = generator.Shipments(300).ToList();
        await using (var db = viaEf.Context())
        {
            db.Parties.AddRange(parties);
            db.Applications.AddRange(apps);
            db.Shipments.AddRange(ships);
            await db.SaveChangesAsync(ct);
        }

        await BulkAsync(viaBulk, parties, apps, ships, ct);
        foreach (var table in new[] { "Parties", "Applications", "Shipments" })
        {
            var a = await DumpAsync(viaEf, table, ct);
            var b = await DumpAsync(viaBulk, table, ct);
            if (a.Count != b.Count)
            {
                throw new InvalidOperationException($"{target.Kind} {table}: EF wrote {a.Count} rows, the bulk loader {b.Count}.");
            }

            if (Enumerable.Range(0, a.Count).FirstOrDefault(i => a[i] != b[i], -1) is var i and >= 0)
            {
                throw new InvalidOperationException($"{target.Kind} {table}: the bulk loader wrote a row EF would not:\n{a[i]}\n{b[i]}");
            }
        }

        var lanes = apps.GroupBy(a => a.Lane).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        report.Line($"Format check ({target.Kind}): 80 parties, 300 applications, 300 shipments written by EF and by the bulk loader read back identical, column by column. Lanes of the sample: {string.Join(", ", lanes)}.");
        await viaEf.DropAsync();
        await viaBulk.DropAsync();
    }

    private static async Task BulkAsync(Database target, IReadOnlyList<Party> parties, IEnumerable<LicenceApplication> apps, IEnumerable<Shipment> ships, CancellationToken ct)
    {
        await using var db = target.Context();
        await BulkLoader.LoadAsync(target.Kind, target.Connection, TableMap.Of<Party>(db), parties, ct);
        await BulkLoader.LoadAsync(target.Kind, target.Connection, TableMap.Of<LicenceApplication>(db), apps, ct);
        await BulkLoader.LoadAsync(target.Kind, target.Connection, TableMap.Of<Shipment>(db), ships, ct);
    }

    private static async Task<List<string>> DumpAsync(Database target, string table, CancellationToken ct)
    {
        await using var db = target.Context();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                row.Append(reader.GetName(i)).Append('=').Append(value).Append(" (").Append(reader.GetDataTypeName(i)).Append("); ");
            }

            rows.Add(row.ToString());
        }

        return rows;
    }

    private static async Task PrepareAsync(Database target, ReferenceData reference, int shipments, int applications, bool reuse, Report report, CancellationToken ct)
    {
        report.Heading($"## {target.Kind}");
        var total = Stopwatch.StartNew();
        var state = reuse ? await target.StateAsync(shipments, applications, ct) : Prepared.Missing;
        if (state == Prepared.Complete)
        {
            report.Line($"Reusing {target.Describe()} ({Stats.N(shipments)} shipments, {Stats.N(applications)} applications).");
            report.Line($"Size: {await target.SizeAsync(ct)}.");
            return;
        }

        if (state == Prepared.RowsOnly)
        {
            // A preparation stopped during the roll-up build: the rows are all there, so only the roll-ups are built.
            report.Line($"Reusing the rows of {target.Describe()}; building its roll-ups.");
            await BuildRollupsAsync(target, reference, total, report, ct);
            return;
        }

        await target.RecreateAsync(ct);
        await using (var db = target.Context())
        {
            await db.Database.MigrateAsync(ct);

            // Recorded before the first filing, so the replay finds the text that routed every application.
            db.PolicyVersions.Add(new PolicyVersionRecord
            {
                Version = reference.Policy.Version,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference.PolicyYaml))),
                Yaml = reference.PolicyYaml,
                FirstLoadedAt = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync(ct);
        }

        var generator = new DataGenerator(reference.ControlList, reference.Calendar, reference.Policy);
        List<string> indexes;
        await using (var db = target.Context())
        {
            await db.Database.OpenConnectionAsync(ct);
            indexes = await BulkLoader.DropIndexesAsync(db.Database.GetDbConnection(), target.Kind, ["Applications", "Shipments"], ct);
            var parties = generator.Parties();
            await BulkLoader.LoadAsync(target.Kind, target.Connection, TableMap.Of<Party>(db), parties, ct);
            var clock = Stopwatch.StartNew();
            var lanes = new long[7];
            var written = await BulkLoader.LoadAsync(target.Kind, target.Connection, TableMap.Of<LicenceApplication>(db), Counted(generator.Applications(applications), a => lanes[(int)a.Lane!.Value]++), ct);
            report.Line($"Generated and wrote {Stats.N(written)} applications in {clock.Elapsed.TotalSeconds:N1} s (load average {BenchPaths.LoadAverage()}). Lanes: {string.Join(", ", lanes.Select((n, i) => $"{WireName.Of((Domain.Routing.Lane)i)} {n * 100.0 / written:N1} %"))}.");
            clock.Restart();
            written = await BulkLoader.LoadAsync(target.Kind, target.Connection, TableMap.Of<Shipment>(db), generator.Shipments(shipments), ct);
            report.Line($"Generated and wrote {Stats.N(written)} shipments in {clock.Elapsed.TotalSeconds:N1} s ({written / clock.Elapsed.TotalSeconds:N0} rows/s; load average {BenchPaths.LoadAverage()}).");
            var built = await BulkLoader.CreateIndexesAsync(db.Database.GetDbConnection(), indexes, ct);
            clock.Restart();
            await BulkLoader.Execute(db.Database.GetDbConnection(), "ANALYZE", ct);
            report.Line($"Built {indexes.Count} secondary indexes of Applications and Shipments in {built.TotalSeconds:N1} s; ANALYZE {clock.Elapsed.TotalSeconds:N1} s.");
        }

        await BuildRollupsAsync(target, reference, total, report, ct);
    }

    /// <summary>The roll-ups come from the product's own rebuild, so they are exactly what the write path adds up.</summary>
    private static async Task BuildRollupsAsync(Database target, ReferenceData reference, Stopwatch total, Report report, CancellationToken ct)
    {
        await using (var db = target.Context())
        {
            var clock = Stopwatch.StartNew();
            var rows = await new ExportRollups(db).RebuildAsync(ct);
            report.Line($"ExportRollups.RebuildAsync: {Stats.N(rows)} rows in {clock.Elapsed.TotalSeconds:N1} s (load average {BenchPaths.LoadAverage()}).");
        }

        await using (var db = target.Context())
        {
            var clock = Stopwatch.StartNew();
            var rows = await new DecisionRollups(db, reference).RebuildAsync(ct);
            report.Line($"DecisionRollups.RebuildAsync: {Stats.N(rows)} rows in {clock.Elapsed.TotalSeconds:N1} s (load average {BenchPaths.LoadAverage()}).");
        }

        await using (var db = target.Context())
        {
            await db.Database.OpenConnectionAsync(ct);
            await BulkLoader.Execute(db.Database.GetDbConnection(), "ANALYZE", ct);
        }

        report.Line($"Database ready in {total.Elapsed.TotalMinutes:N1} min: {target.Describe()}; size {await target.SizeAsync(ct)}.");
    }

    private static IEnumerable<T> Counted<T>(IEnumerable<T> items, Action<T> count)
    {
        foreach (var item in items)
        {
            count(item);
            yield return item;
        }
    }

    private static async Task MeasureQueriesAsync(Database target, ReferenceData reference, int runs, int baselineRuns, bool baselineWarmUp, Report report, CancellationToken ct)
    {
        var kind = target.Kind;
        var queries = new List<(string Name, Func<LodestoneDbContext, Task<Table>> Rollup, Func<LodestoneDbContext, Task<Table>> Naive)>
        {
            ("Exports by month, 24 months (dashboard)",
                async db => Rows(await new AnalyticsService(db).ExportsAsync(DashboardFrom, DashboardTo, "month", null, ct), r => Day(r.Month), r => r.Kg, r => r.Shipments),
                db => NaiveQueries.ExportsAsync(db, kind, "month", DashboardFrom, DashboardTo.AddMonths(1), null, ct)),
            ("Exports by month to US, 24 months (dashboard)",
                async db => Rows(await new AnalyticsService(db).ExportsAsync(DashboardFrom, DashboardTo, "month", "US", ct), r => Day(r.Month), r => r.Kg, r => r.Shipments),
                db => NaiveQueries.ExportsAsync(db, kind, "month", DashboardFrom, DashboardTo.AddMonths(1), "US", ct)),
            ("Exports by destination, 24 months (dashboard)",
                async db => Rows(await new AnalyticsService(db).ExportsAsync(DashboardFrom, DashboardTo, "destination", null, ct), r => r.Destination!, r => r.Kg, r => r.Shipments),
                db => NaiveQueries.ExportsAsync(db, kind, "destination", DashboardFrom, DashboardTo.AddMonths(1), null, ct)),
            ("Movements of 2026-10 (dashboard)",
                async db => Rows(await new AnalyticsService(db).MovementsAsync(DashboardTo, 1000m, ct), r => r.Destination, r => r.Kg, _ => 0),
                async db => Movements(await NaiveQueries.MovementsAsync(db, kind, DashboardTo, ct))),
            ("Exports by week, 24 months",
                async db => Rows(await new AnalyticsService(db).ExportsAsync(DashboardFrom, DashboardTo.AddMonths(1).AddDays(-1), "week", null, ct), r => r.Week!, r => r.Kg, r => r.Shipments),
                async db => WeekLabels(await NaiveQueries.ExportsAsync(db, kind, "week", Periods.StartOf(DashboardFrom, Grain.Week), DashboardTo.AddMonths(1).AddDays(1), null, ct))),
            ("Decisions by month × lane",
                async db => Decisions(await new AnalyticsService(db).DecisionsAsync(DecisionsFrom, DecisionsTo, "month,lane", null, ct)),
                db => NaiveQueries.DecisionsAsync(db, kind, DecisionsFrom, DecisionsTo.AddMonths(1), ct)),
            ("Processing times by lane × destination",
                async db => Rows(await new AnalyticsService(db).ProcessingTimesAsync(DecisionsFrom, DecisionsTo, "lane,destination", null, ct), r => $"{r.Lane} {r.Destination}", r => r.Median, r => r.Decisions),
                db => NaiveQueries.ProcessingTimesAsync(db, reference.Calendar, DecisionsFrom, DecisionsTo.AddMonths(1), ct)),
        };

        var results = new List<IReadOnlyList<string>>();
        foreach (var (name, rollup, naive) in queries)
        {
            var (rollupTimes, rollupTable) = await TimeAsync(target, rollup, runs, true, ct);
            var rollupLoad = BenchPaths.LoadAverage();
            var (naiveTimes, naiveTable) = await TimeAsync(target, naive, baselineRuns, baselineWarmUp, ct);
            var naiveLoad = BenchPaths.LoadAverage();
            var difference = rollupTable.Difference(naiveTable);
            if (difference is not null)
            {
                throw new InvalidOperationException($"{kind} {name}: the roll-up and the raw tables disagree: {difference}");
            }

            var (p50, p95) = (Stats.Percentile(rollupTimes, 0.5), Stats.Percentile(rollupTimes, 0.95));
            var (n50, n95) = (Stats.Percentile(naiveTimes, 0.5), Stats.Percentile(naiveTimes, 0.95));
            results.Add([name, Stats.N(rollupTable.Count), Stats.Ms(p50), Stats.Ms(p95), rollupLoad, Stats.Ms(n50), Stats.Ms(n95), naiveLoad, $"{n50 / p50:N0}×", $"{n95 / p95:N0}×", p95 <= 200 ? "yes" : "**no**"]);
            report.Line($"- {name}: roll-up p50 {Stats.Ms(p50)} p95 {Stats.Ms(p95)} (load {rollupLoad}); naive p50 {Stats.Ms(n50)} p95 {Stats.Ms(n95)} (load {naiveLoad}); same table ({rollupTable.Count} rows).");
        }

        report.Line();
        report.Table(
            ["Query", "Rows", "Roll-up p50", "Roll-up p95", "Load avg", "Naive p50", "Naive p95", "Load avg", "p50 ratio", "p95 ratio", "p95 ≤ 200 ms"],
            results,
            "lrrrlrrlrrl");
    }

    private static async Task<(List<double> Times, Table Result)> TimeAsync(Database target, Func<LodestoneDbContext, Task<Table>> query, int runs, bool warmUp, CancellationToken ct)
    {
        var result = new Table();

        // Each call gets a new context, as each dashboard request does (pooled connection, fresh EF state).
        if (warmUp)
        {
            await using var warm = target.Context();
            result = await query(warm);
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var db = target.Context();
            result = await query(db);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times, result);
    }

    private static async Task MeasureReplayAsync(Database target, string policyYaml, int applications, int runs, Report report, CancellationToken ct)
    {
        var draft = PolicyReplayService.ParseDraft("draft.yaml", DataGenerator.DraftPolicy(policyYaml));
        var inForce = PolicyReplayService.ParseDraft("default.yaml", policyYaml);
        report.Line();
        foreach (var (name, policy) in new[] { ("in force (draft = null)", (Domain.Routing.RoutingPolicy?)null), ("draft: US defence/aerospace → presumption of denial, no VEU fast lane", draft) })
        {
            var times = new List<double>();
            var cpu = new List<double>();
            ReplayReport? last = null;
            var loads = new List<string>();
            for (var i = 0; i < runs; i++)
            {
                await using var db = target.Context();

                // CPU time of this process (not of the database server): on a shared machine the wall time says
                // more about the other users than about the replay.
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                // With a progress listener, as `lodestone simulate` runs it: that adds the count of the period.
                last = await new PolicyReplayService(db, target.Options()).RunAsync(policy, DataGenerator.FirstDay, DataGenerator.LastDay, 1000, Listener.Instance, ct);
                times.Add(clock.Elapsed.TotalSeconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
                loads.Add(BenchPaths.LoadAverage().Split(' ')[0]);
                GC.Collect();
            }

            var result = last!.Result;
            if (result.Replayed != applications)
            {
                throw new InvalidOperationException($"Replay covered {result.Replayed} of {applications} applications.");
            }

            if (policy is null && result.Flipped != 0)
            {
                throw new InvalidOperationException($"Replay under the policy in force flipped {result.Flipped} applications; the generated lanes are not reproducible.");
            }

            var median = Stats.Median(times);
            var shifts = string.Join(", ", result.Shifts.Take(4).Select(s => $"{WireName.Of(s.From)} → {WireName.Of(s.To)} {Stats.N(s.Applications)}"));
            report.Line($"- Replay {name}: median {median:N2} s of {string.Join(" / ", times.Select(t => t.ToString("N2", CultureInfo.InvariantCulture)))} s, process CPU {Stats.Median(cpu):N1} s (1-min load {string.Join(" / ", loads)}); replayed {Stats.N(result.Replayed)}, flipped {Stats.N(result.Flipped)}{(shifts.Length > 0 ? $" ({shifts})" : string.Empty)}; target ≤ 10 s {(median <= 10 ? "met" : "**not met**")}.");

            // The baseline, once: whole entities through EF on one connection. Its result must be the product's.
            await using (var db = target.Context())
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var naive = await Task.Run(() => NaiveReplay.Run(db, policy, inForce, DataGenerator.FirstDay, DataGenerator.LastDay), ct);
                var seconds = clock.Elapsed.TotalSeconds;
                var naiveCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                if (System.Text.Json.JsonSerializer.Serialize(naive) != System.Text.Json.JsonSerializer.Serialize(result))
                {
                    throw new InvalidOperationException($"The naive replay ({name}) disagrees with the product's.");
                }

                report.Line($"  Naive baseline (EF entities, one connection), 1 run: {seconds:N2} s, process CPU {naiveCpu:N1} s (1-min load {BenchPaths.LoadAverage().Split(' ')[0]}); same result; the product is {seconds / median:N1}× faster.");
            }

            GC.Collect();
        }
    }

    private static Table Rows<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, decimal> kg, Func<T, long> count)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            table.Add(key(row), kg(row), count(row));
        }

        return table;
    }

    private static string Day(DateOnly? day) => day!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Table Decisions(IEnumerable<DecisionRow> rows)
    {
        var table = new Table();
        foreach (var r in rows)
        {
            foreach (var (status, n) in new[] { ("approved", r.Approved), ("denied", r.Denied), ("withdrawn", r.Withdrawn), ("not-required", r.NotRequired) })
            {
                if (n > 0)
                {
                    table.Add($"{Day(r.Month)} {r.Lane} {status}", 0, n);
                }
            }
        }

        return table;
    }

    private static Table WeekLabels(Table byMonday)
    {
        var table = new Table();
        foreach (var (monday, (kg, n)) in byMonday)
        {
            table.Add(Periods.Label(DateOnly.ParseExact(monday, "yyyy-MM-dd", CultureInfo.InvariantCulture), Grain.Week), kg, n);
        }

        return table;
    }

    /// <summary>The raw month × destination sums through the same movement detector the service uses.</summary>
    private static Table Movements(Table flows)
    {
        var monthly = flows.Select(f =>
        {
            var parts = f.Key.Split(' ');
            return new MonthlyFlow(DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[1], decimal.Round(f.Value.Kg, 3), 0m, (int)f.Value.Count);
        });
        var table = new Table();
        foreach (var m in MovementDetector.Detect(monthly, DashboardTo, 1000m))
        {
            table.Add(m.Destination, m.Kg, 0);
        }

        return table;
    }

    /// <summary>A progress listener that ignores the reports (so the replay counts its period first, as with a real one).</summary>
    private sealed class Listener : IProgress<(int Done, int Total)>
    {
        public static readonly Listener Instance = new();

        public void Report((int Done, int Total) value)
        {
        }
    }

    /// <summary>How far a database was prepared.</summary>
    private enum Prepared
    {
        Missing,
        RowsOnly,
        Complete,
    }

    /// <summary>One database under test: a SQLite file or a PostgreSQL database on the admin server.</summary>
    private sealed class Database(DatabaseKind kind, string connection, string? admin = null)
    {
        public DatabaseKind Kind { get; } = kind;

        /// <summary>A SQLite file path or a PostgreSQL connection string.</summary>
        public string Connection { get; } = kind == DatabaseKind.Sqlite ? DatabaseProvider.SqliteConnectionString(connection) : connection;

        public DbContextOptions<LodestoneDbContext> Options()
        {
            var options = new DbContextOptionsBuilder<LodestoneDbContext>();
            DatabaseProvider.Configure(options, Connection);
            return options.Options;
        }

        public LodestoneDbContext Context()
        {
            var db = new LodestoneDbContext(Options());
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            return db;
        }

        public Database Scratch(string suffix) => Kind == DatabaseKind.Sqlite
            ? new Database(Kind, Path.Combine(Path.GetDirectoryName(SqlitePath)!, $"{suffix}.db"))
            : new Database(Kind, new NpgsqlConnectionStringBuilder(Connection) { Database = $"lodestone_bench_{suffix}" }.ConnectionString, admin);

        private string SqlitePath => new SqliteConnectionStringBuilder(Connection).DataSource;

        private string DatabaseName => new NpgsqlConnectionStringBuilder(Connection).Database!;

        public string Describe() => Kind == DatabaseKind.Sqlite ? SqlitePath : $"PostgreSQL database {DatabaseName}";

        public async Task RecreateAsync(CancellationToken ct)
        {
            if (Kind == DatabaseKind.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(SqlitePath + suffix);
                }

                return;
            }

            await DropAsync();
            await AdminAsync($"CREATE DATABASE \"{DatabaseName}\"", ct);
        }

        public async Task DropAsync()
        {
            if (Kind == DatabaseKind.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(SqlitePath + suffix);
                }

                return;
            }

            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", CancellationToken.None);
        }

        public async Task<Prepared> StateAsync(int shipments, int applications, CancellationToken ct)
        {
            if (Kind == DatabaseKind.Sqlite ? !File.Exists(SqlitePath) : !await PostgresDatabaseExistsAsync(ct))
            {
                return Prepared.Missing;
            }

            await using var db = Context();
            if (await db.Shipments.CountAsync(ct) != shipments || await db.Applications.CountAsync(ct) != applications)
            {
                return Prepared.Missing;
            }

            // The decision roll-ups are built last.
            return await db.ExportTotals.AnyAsync(ct) && await db.DecisionTotals.AnyAsync(ct) ? Prepared.Complete : Prepared.RowsOnly;
        }

        public async Task<string> SizeAsync(CancellationToken ct)
        {
            if (Kind == DatabaseKind.Sqlite)
            {
                var bytes = new[] { string.Empty, "-wal" }.Select(s => SqlitePath + s).Where(File.Exists).Sum(f => new FileInfo(f).Length);
                return $"{Stats.Mb(bytes)} (file and WAL)";
            }

            await using var db = Context();
            await db.Database.OpenConnectionAsync(ct);
            var parts = new List<string>();
            foreach (var table in new[] { "Shipments", "Applications", "ExportTotals", "DecisionTotals", "ProcessingTimes" })
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT pg_total_relation_size('\"{table}\"')";
                var size = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                parts.Add($"{table} {Stats.Mb(size)}");
            }

            await using var total = db.Database.GetDbConnection().CreateCommand();
            total.CommandText = "SELECT pg_database_size(current_database())";
            var all = Convert.ToInt64(await total.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            return $"{Stats.Mb(all)} ({string.Join(", ", parts)}, with indexes)";
        }

        private async Task<bool> PostgresDatabaseExistsAsync(CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            command.Parameters.AddWithValue("name", DatabaseName);
            return await command.ExecuteScalarAsync(ct) is not null;
        }

        private async Task AdminAsync(string sql, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
