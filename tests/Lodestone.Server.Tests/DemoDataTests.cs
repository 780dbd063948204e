using System.Net;
using Lodestone.Persistence;
using Lodestone.Services;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>A server whose first start loads the synthetic demo, today.</summary>
public sealed class DemoServer() : ServerFixture(DatabaseKind.Sqlite, seedDemo: true, now: new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

/// <summary>The demo loads on first start, and shows every lane, every application status and every VEU outcome.</summary>
public sealed class DemoDataTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Theory]
    [InlineData("not-controlled")]
    [InlineData("prohibited")]
    [InlineData("presumption-of-denial")]
    [InlineData("enhanced")]
    [InlineData("standard")]
    [InlineData("registration")]
    [InlineData("veu-fast-track")]
    public async Task Every_lane_has_demo_applications(string lane)
    {
        var (_, page) = await Api.GetAsync(server.Client, $"/api/v1/applications?lane={lane}&pageSize=1");
        Assert.True(page["total"]!.GetValue<int>() > 0, $"no demo application in {lane}");
    }

    [Theory]
    [InlineData("in-review")]
    [InlineData("clock-stopped")]
    [InlineData("approved")]
    [InlineData("denied")]
    [InlineData("withdrawn")]
    [InlineData("not-required")]
    public async Task Every_status_has_demo_applications(string status)
    {
        var (_, page) = await Api.GetAsync(server.Client, $"/api/v1/applications?status={status}&pageSize=1");
        Assert.True(page["total"]!.GetValue<int>() > 0, $"no demo application is {status}");
    }

    [Fact]
    public async Task The_queue_page_shows_open_demo_cases_by_due_date()
    {
        var (_, open) = await Api.GetAsync(server.Client, "/api/v1/applications?status=open&pageSize=200");
        var due = open["items"]!.AsArray().Select(a => a!["dueDate"]?.GetValue<string>()).Where(d => d is not null).ToList();
        Assert.NotEmpty(due);
        Assert.Equal(due.Order(StringComparer.Ordinal), due);

        var html = await server.Client.GetStringAsync("/");
        Assert.Contains(open["items"]![0]!.Str("number"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_parties_include_a_dozen_exporters()
    {
        var (_, exporters) = await Api.GetAsync(server.Client, "/api/v1/parties?role=exporter");
        Assert.Equal(12, exporters.AsArray().Count);
    }

    [Theory]
    [InlineData("active")]
    [InlineData("vetting")]
    [InlineData("under-review")]
    [InlineData("suspended")]
    [InlineData("revoked")]
    [InlineData("refused")]
    [InlineData("expired")]
    public async Task Every_VEU_outcome_has_a_demo_case(string status)
    {
        var (_, veus) = await Api.GetAsync(server.Client, $"/api/v1/veu?status={status}");
        Assert.True(veus.AsArray().Count > 0, $"no demo VEU is {status}");
    }

    [Fact]
    public async Task Demo_VEUs_show_pending_votes_refused_defence_applicants_and_draws_on_their_caps()
    {
        var (_, vetting) = await Api.GetAsync(server.Client, "/api/v1/veu?status=vetting");
        var pending = (await Api.GetAsync(server.Client, $"/api/v1/veu/{vetting[0]!.Str("id")}")).Body;
        Assert.NotEmpty(pending["votes"]!.AsArray());
        Assert.Contains("committee@demo.lodestone.test", pending["pendingMembers"]!.AsArray().Select(m => m!.GetValue<string>()));

        var (_, refused) = await Api.GetAsync(server.Client, "/api/v1/veu?status=refused");
        foreach (var summary in refused.AsArray())
        {
            var veu = (await Api.GetAsync(server.Client, $"/api/v1/veu/{summary!.Str("id")}")).Body;
            Assert.Contains(veu["findings"]!.AsArray(), f => f!["blocking"]!.GetValue<bool>() && f!.Str("finding").Contains("Military-linked", StringComparison.Ordinal));
        }

        var (_, active) = await Api.GetAsync(server.Client, "/api/v1/veu?status=active");
        var drawn = 0m;
        foreach (var summary in active.AsArray())
        {
            var veu = (await Api.GetAsync(server.Client, $"/api/v1/veu/{summary!.Str("id")}")).Body;
            drawn += veu["usage"]!.AsArray().Sum(u => u!["drawnKg"]!.GetValue<decimal>());
        }

        Assert.True(drawn > 0, "no demo export was drawn from an active VEU");
        var (_, register) = await Api.GetAsync(server.Anonymous, "/api/v1/veu/register");
        Assert.Equal(active.AsArray().Count, register.AsArray().Count);
    }

    [Theory]
    [InlineData("released")]
    [InlineData("held")]
    [InlineData("refused")]
    [InlineData("arrived")]
    [InlineData("in-use")]
    public async Task Every_shipment_status_has_demo_shipments(string status)
    {
        var (_, page) = await Api.GetAsync(server.Client, $"/api/v1/shipments?status={status}");
        Assert.True(page["total"]!.GetValue<int>() > 0, $"no demo shipment is {status}");
    }

    [Fact]
    public async Task Demo_shipments_draw_licences_down_and_leave_holds_and_overdue_reports()
    {
        var (_, held) = await Api.GetAsync(server.Client, "/api/v1/shipments?status=held");
        var reasons = held["items"]!.AsArray().SelectMany(s => s!["reasons"]!.AsArray().Select(r => r!.GetValue<string>())).ToList();
        Assert.Contains(reasons, r => r.Contains("without composition evidence", StringComparison.Ordinal) || r.Contains("Beyond the balance", StringComparison.Ordinal));

        var (_, exhausted) = await Api.GetAsync(server.Client, "/api/v1/licences?status=exhausted");
        Assert.True(exhausted["total"]!.GetValue<int>() > 0, "no demo licence was used up");
        var licence = exhausted["items"]![0]!;
        Assert.Equal(licence["quantityKg"]!.GetValue<decimal>(), licence["usedKg"]!.GetValue<decimal>());
        var (_, shipped) = await Api.GetAsync(server.Client, $"/api/v1/shipments?licenceId={licence.Str("id")}");
        Assert.NotEmpty(shipped["items"]!.AsArray());

        // Overdue reports were raised; none of them on goods that went under a VEU, so the demo VEUs keep their story.
        var (_, overdue) = await Api.GetAsync(server.Client, "/api/v1/reports?state=overdue&pageSize=200");
        Assert.NotEmpty(overdue["items"]!.AsArray());
        Assert.All(overdue["items"]!.AsArray(), r => Assert.NotNull(r!["overdueRaisedAt"]));
        foreach (var report in overdue["items"]!.AsArray())
        {
            var shipment = (await Api.GetAsync(server.Client, $"/api/v1/shipments/{report!.Str("shipmentId")}")).Body;
            Assert.Null(shipment["veuId"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_demo_end_use_check_ends_with_its_importer_on_the_watch_list()
    {
        var (_, checks) = await Api.GetAsync(server.Client, "/api/v1/end-use-checks?status=non-cooperative");
        var check = Assert.Single(checks.AsArray())!;
        Assert.Equal(("document", "Harbourline Magnet Trading FZE"), (check.Str("kind"), check["party"]!.Str("name")));
        var (_, verified) = await Api.GetAsync(server.Client, "/api/v1/end-use-checks?status=verified");
        Assert.NotEmpty(verified.AsArray());

        var (_, watch) = await Api.GetAsync(server.Client, "/api/v1/lists/cn-watch");
        Assert.Equal(("watch", 1), (watch.Str("kind"), watch["currentVersion"]!.GetValue<int>()));
        var (_, entries) = await Api.GetAsync(server.Client, "/api/v1/lists/cn-watch/entries");
        Assert.Equal("Harbourline Magnet Trading FZE", Assert.Single(entries["items"]!.AsArray())!.Str("name"));

        // The demo's re-screening raised the watch-list hit, so the importer's next export routes to enhanced review.
        var (_, first) = await Api.GetAsync(server.Client, "/api/v1/screening/hits?pageSize=200");
        var last = (first["total"]!.GetValue<int>() + 199) / 200;
        var (_, hits) = await Api.GetAsync(server.Client, $"/api/v1/screening/hits?pageSize=200&page={last}");
        Assert.Contains(hits["items"]!.AsArray(), h => h!.Str("listId") == "cn-watch" && h!.Str("partyName") == "Harbourline Magnet Trading FZE");
    }

    [Fact]
    public async Task The_demo_dashboard_reproduces_the_published_2025_curve()
    {
        var analyst = await server.ClientAs(Roles.Analyst);
        var (_, months) = await Api.GetAsync(analyst, "/api/v1/analytics/exports?from=2025-01&to=2025-12&groupBy=month");
        var tonnes = months.AsArray().ToDictionary(r => r!.Str("month")[..7], r => decimal.Round(r!["kg"]!.GetValue<decimal>() / 1000m));
        Assert.Equal((6357m, 1238m, 5774m), (tonnes["2025-01"], tonnes["2025-05"], tonnes["2025-09"]));
        Assert.Equal(57391m, tonnes.Values.Sum()); // FY 2025 57,392 t, with Feb and Mar estimated from H1

        var (_, moves) = await Api.GetAsync(analyst, "/api/v1/analytics/movements?month=2025-09");
        Assert.Contains(moves.AsArray(), m => m!.Str("description") == "US \u221228.7% m/m, \u221229.5% y/y, September 2025");
        var (_, may) = await Api.GetAsync(analyst, "/api/v1/analytics/movements?month=2025-05");
        Assert.Contains(may.AsArray(), m => m!.Str("destination") == "US" && m!["monthOnMonth"]!.GetValue<decimal>() < -0.88m);
    }

    [Fact]
    public async Task Replaying_the_whole_demo_history_under_the_policy_in_force_reproduces_every_lane()
    {
        var (_, all) = await Api.GetAsync(server.Client, "/api/v1/applications?pageSize=1");
        var (status, replay) = await Api.PostAsync(await server.ClientAs(Roles.PolicyAdmin), "/api/v1/analytics/replays", new { from = "2025-01-01", to = "2026-12-31" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, replay["withoutFacts"]!.GetValue<int>());
        Assert.Empty(replay["unknownPolicyVersions"]!.AsArray());
        Assert.Equal(all["total"]!.GetValue<int>(), replay["replayed"]!.GetValue<int>());
        Assert.Equal(0, replay["flipped"]!.GetValue<int>());
        Assert.Equal(replay["approvedKg"]!.GetValue<decimal>(), replay["draftApprovedKg"]!.GetValue<decimal>());

        // Every lane of the history is there, month by month, as routed.
        var lanes = replay["cells"]!.AsArray().SelectMany(c => c!["historical"]!.AsObject().Select(l => l.Key)).Distinct().ToHashSet();
        Assert.Superset(new HashSet<string> { "standard", "enhanced", "presumption-of-denial", "prohibited", "veu-fast-track", "registration" }, lanes);
    }

    [Fact]
    public async Task Demo_decisions_have_rates_and_processing_times_within_the_statutory_limit()
    {
        var analyst = await server.ClientAs(Roles.Analyst);
        var (_, lanes) = await Api.GetAsync(analyst, "/api/v1/analytics/decisions?from=2025-01&to=2026-12&groupBy=lane");
        var standard = lanes.AsArray().Single(l => l!.Str("lane") == "standard")!;
        Assert.True(standard["approved"]!.GetValue<int>() > 0 && standard["denied"]!.GetValue<int>() > 0, standard.ToJsonString());
        Assert.Equal(1m, standard["approvalRate"]!.GetValue<decimal>() + standard["denialRate"]!.GetValue<decimal>(), 3);
        var fast = lanes.AsArray().Single(l => l!.Str("lane") == "veu-fast-track")!;
        Assert.Equal(1m, fast["approvalRate"]!.GetValue<decimal>());

        // Art. 17: standard cases are decided within 45 working days; VEU cases on filing.
        var (_, times) = await Api.GetAsync(analyst, "/api/v1/analytics/processing-times?from=2025-01&to=2026-12&groupBy=lane");
        var byLane = times.AsArray().ToDictionary(t => t!.Str("lane"), t => t!);
        Assert.InRange(byLane["standard"]["max"]!.GetValue<int>(), 1, 45);
        Assert.Equal(0, byLane["veu-fast-track"]["max"]!.GetValue<int>());
    }
}
