using System.Net;
using Lodestone.Services;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>
/// Decision analytics and the what-if replay over HTTP on both databases, against a hand-computed case in a
/// destination no other test uses (Chile). The class has its own server, because it moves the clock.
/// </summary>
public abstract class DecisionAnalyticsTests(ServerFixture server)
{
    private static object Application(Guid exporter, Guid endUser, decimal kg) => new
    {
        channel = "individual",
        exporterId = exporter,
        endUserId = endUser,
        destination = "CL",
        endUse = new { category = "automotive", description = "EV traction motors" },
        items = new[] { new { form = "magnet", composition = new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 }, hsCode = "8505.11", quantityKg = kg, value = 1000m } },
        documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
    };

    [Fact]
    public async Task Outcomes_rates_and_processing_times_add_up_as_hand_computed_and_a_draft_flips_the_right_applications()
    {
        var exporter = await server.CreatePartyAsync($"Magnets {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        var client = await server.ExporterAsync(exporter);
        var endUser = await server.CreatePartyAsync($"Autos Chile {Guid.NewGuid():N}", "CL", ["automotive"], ["end-user"], client);
        async Task<string> FileAsync(decimal kg)
        {
            var (status, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", Application(exporter, endUser, kg));
            Assert.True(status == HttpStatusCode.Created, filed.ToJsonString());
            Assert.Equal("standard", filed.Str("lane"));
            return filed.Str("id");
        }

        // Filed Mon 15 Sep 2025. A is approved the same day (0 working days).
        var a = await FileAsync(1000m);
        var b = await FileAsync(200m);
        var c = await FileAsync(300m);
        var d = await FileAsync(50m);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(server.Client, $"/api/v1/applications/{a}/decision", new { outcome = "approved", reason = "Civil use documented" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(server.Client, $"/api/v1/applications/{b}/clock-stops", new { reason = "expert-consultation", from = "2025-09-16", to = "2025-09-19" })).Status);

        // Mon 29 Sep: Tue 16 Sep .. Mon 29 Sep holds 11 working days (Sun 28 Sep is a make-up working day
        // before National Day); B's clock stood still for 4 of them, so B took 7 and C took 11.
        await server.AdvanceClockAsync(TimeSpan.FromDays(14));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(server.Client, $"/api/v1/applications/{b}/decision", new { outcome = "denied", reason = "End use not shown" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(server.Client, $"/api/v1/applications/{c}/decision", new { outcome = "approved", reason = "Civil use documented" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(await server.ExporterAsync(exporter), $"/api/v1/applications/{d}/withdraw", new { reason = "Order cancelled" })).Status);

        var analyst = await server.ClientAs(Roles.Analyst);
        var (status, lanes) = await Api.GetAsync(analyst, "/api/v1/analytics/decisions?from=2025-09&to=2025-09&groupBy=lane&destination=CL");
        Assert.Equal(HttpStatusCode.OK, status);
        var standard = Assert.Single(lanes.AsArray())!;
        Assert.Equal(("standard", 4, 2, 1, 1), (standard.Str("lane"), standard["applications"]!.GetValue<int>(), standard["approved"]!.GetValue<int>(), standard["denied"]!.GetValue<int>(), standard["withdrawn"]!.GetValue<int>()));
        Assert.Equal((0.6667m, 0.3333m, 1300m, 200m), (standard["approvalRate"]!.GetValue<decimal>(), standard["denialRate"]!.GetValue<decimal>(), standard["approvedKg"]!.GetValue<decimal>(), standard["deniedKg"]!.GetValue<decimal>()));

        // Weeks: 2025-W38 holds A's approval; 2025-W40 (from Mon 29 Sep) the rest.
        var (_, weeks) = await Api.GetAsync(analyst, "/api/v1/analytics/decisions?from=2025-09&to=2025-10&groupBy=week&destination=CL");
        Assert.Equal([("2025-W38", 1, 0, 0), ("2025-W40", 1, 1, 1)], weeks.AsArray().Select(w => w!).Select(w => (w.Str("week"), w["approved"]!.GetValue<int>(), w["denied"]!.GetValue<int>(), w["withdrawn"]!.GetValue<int>())));

        // Processing times {0, 7, 11}: nearest-rank median 7, p90 and p95 11, mean 6.
        var (_, times) = await Api.GetAsync(analyst, "/api/v1/analytics/processing-times?from=2025-09&to=2025-09&destination=CL");
        var row = Assert.Single(times.AsArray())!;
        Assert.Equal(("standard", "CL", 3, 7, 11, 11, 11, 6.0m), (row.Str("lane"), row.Str("destination"), row["decisions"]!.GetValue<int>(), row["median"]!.GetValue<int>(), row["p90"]!.GetValue<int>(), row["p95"]!.GetValue<int>(), row["max"]!.GetValue<int>(), row["mean"]!.GetValue<decimal>()));

        var csv = await analyst.GetStringAsync(new Uri("/api/v1/analytics/processing-times.csv?from=2025-09&to=2025-09&destination=CL", UriKind.Relative));
        Assert.Equal(
            ["month,week,destination,lane,decisions,median_working_days,p90_working_days,p95_working_days,max_working_days,mean_working_days", ",,CL,standard,3,7,11,11,11,6"],
            csv.TrimEnd().Split('\n'));
        var decisionsCsv = await analyst.GetStringAsync(new Uri("/api/v1/analytics/decisions.csv?from=2025-09&to=2025-09&groupBy=month,lane&destination=CL", UriKind.Relative));
        Assert.Equal("2025-09,,,,,standard,4,2,1,1,0,0.6667,0.3333,1300,200", decisionsCsv.TrimEnd().Split('\n')[1]);

        // What-if: a draft that sends Chilean automotive end users to enhanced scrutiny flips all four.
        var draft = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "policies", "default.yaml")))
            .Replace("version: \"2025.1\"", "version: \"draft-cl\"", StringComparison.Ordinal)
            .Replace("  - id: watch-list-party", "  - id: chile-automotive\n    lane: enhanced\n    reason: Chilean car makers get a closer look.\n    when: { destinations: [CL], endUserSectors: [automotive] }\n  - id: watch-list-party", StringComparison.Ordinal);
        var policyAdmin = await server.ClientAs(Roles.PolicyAdmin);
        var (replayed, report) = await Api.PostAsync(policyAdmin, "/api/v1/analytics/replays", new { policy = draft, from = "2025-09-15", to = "2025-09-15" });
        Assert.True(replayed == HttpStatusCode.OK, report.ToJsonString());
        var result = report;
        Assert.Equal("draft-cl", result.Str("draftVersion"));
        var flips = result["flips"]!.AsArray().Select(f => f!).Where(f => f.Str("destination") == "CL").ToList();
        Assert.Equal(4, flips.Count);
        Assert.All(flips, f => Assert.Equal(("standard", "enhanced", "chile-automotive"), (f.Str("fromLane"), f.Str("toLane"), f.Str("decidingRule"))));
        Assert.Contains("New rule 'chile-automotive'", flips[0].Str("why"), StringComparison.Ordinal);
        var cell = result["cells"]!.AsArray().Single(x => x!.Str("destination") == "CL")!;
        Assert.Equal((4, 4, 1300m), (cell["historical"]!["standard"]!.GetValue<int>(), cell["draft"]!["enhanced"]!.GetValue<int>(), cell["approvedKg"]!.GetValue<decimal>()));

        // Analysts get the same aggregates without the applications.
        var (_, aggregate) = await Api.PostAsync(analyst, "/api/v1/analytics/replays", new { policy = draft, from = "2025-09-15", to = "2025-09-15" });
        Assert.Empty(aggregate["flips"]!.AsArray());
        Assert.Equal(result["flipped"]!.GetValue<int>(), aggregate["flipped"]!.GetValue<int>());

        // Under the policy in force nothing moves.
        var (_, inForce) = await Api.PostAsync(policyAdmin, "/api/v1/analytics/replays", new { from = "2025-09-01", to = "2025-09-30" });
        Assert.Equal(0, inForce["flipped"]!.GetValue<int>());
        Assert.True(inForce["replayed"]!.GetValue<int>() >= 4);
    }

    [Fact]
    public async Task A_broken_draft_is_rejected_with_its_line_and_exporters_cannot_replay()
    {
        var admin = await server.ClientAs(Roles.PolicyAdmin);
        var (status, problem) = await Api.PostAsync(admin, "/api/v1/analytics/replays", new { policy = "version: \"x\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: a\n    lane: nowhere\n    reason: r\n    when: {}\n", from = "2025-01-01", to = "2025-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("line 5", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var (reversed, _) = await Api.PostAsync(admin, "/api/v1/analytics/replays", new { from = "2025-12-31", to = "2025-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, reversed);

        var exporter = await server.CreatePartyAsync($"Magnets {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        var (forbidden, _) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/analytics/replays", new { from = "2025-01-01", to = "2025-12-31" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }
}

public sealed class SqliteDecisionAnalyticsTests(SqliteServer server) : DecisionAnalyticsTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresDecisionAnalyticsTests(PostgresServerFixture server) : DecisionAnalyticsTests(server), IClassFixture<PostgresServerFixture>;
