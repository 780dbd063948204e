using System.Net;
using System.Text.Json.Nodes;
using Lodestone.Services.Shipments;
using Lodestone.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Server.Tests;

/// <summary>
/// Shipments over HTTP on both databases: each customs check and its outcome (released, held, refused),
/// drawdown and its concurrency, officer release and refusal, post-shipment reports, and the licence
/// lifecycle with key and non-key changes.
/// </summary>
public abstract class ShipmentTests(ServerFixture server)
{
    private static readonly Dictionary<string, decimal> Controlled = new() { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 };
    private static readonly Dictionary<string, decimal> Uncontrolled = new() { ["Nd"] = 31, ["Fe"] = 68, ["B"] = 1 };

    private sealed record Licensed(Guid Exporter, Guid EndUser, HttpClient Client, string Id, string Number);

    private static string NewNumber() => $"2205{Guid.NewGuid().ToString("N")[..14]}";

    private static object Declaration(
        Guid exporter, Guid endUser, decimal kg, string? licence = null, string? veu = null, string destination = "DE",
        Dictionary<string, decimal>? composition = null, string hs = "8505.11", string? number = null, string? facility = null, decimal? value = null) => new
        {
            declarationNumber = number ?? NewNumber(),
            exporterId = exporter,
            endUserId = endUser,
            destination,
            facility,
            licenceNumber = licence,
            veuNumber = veu,
            items = new[] { new { hsCode = hs, composition = composition ?? Controlled, quantityKg = kg, value = value ?? 50m * kg } },
        };

    private async Task<Licensed> LicenceAsync(decimal kg)
    {
        var exporter = await server.CreatePartyAsync($"Magnets {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        var client = await server.ExporterAsync(exporter);
        var endUser = await server.CreatePartyAsync($"Motorenwerk {Guid.NewGuid():N}", "DE", ["automotive"], ["end-user"], client);
        var (filedStatus, filed) = await Api.PostAsync(client, "/api/v1/applications", new
        {
            channel = "individual",
            exporterId = exporter,
            endUserId = endUser,
            destination = "DE",
            endUse = new { category = "automotive", description = "EV traction motors" },
            items = new[] { new { form = "magnet", composition = Controlled, hsCode = "8505.11", quantityKg = kg, value = 50m * kg } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        });
        Assert.True(filedStatus == HttpStatusCode.Created, filed.ToJsonString());
        var (status, licence) = await Api.PostAsync(server.Client, $"/api/v1/applications/{filed.Str("id")}/decision", new { outcome = "approved", reason = "Civil use documented" });
        Assert.True(status == HttpStatusCode.OK, licence.ToJsonString());
        return new Licensed(exporter, endUser, client, licence.Str("id"), licence.Str("number"));
    }

    private static async Task<JsonNode> DeclareAsync(HttpClient client, object declaration, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var (status, body) = await Api.PostAsync(client, "/api/v1/shipments", declaration);
        Assert.True(status == expected, $"{status}: {body.ToJsonString()}");
        return body;
    }

    private async Task<JsonNode> LicenceStateAsync(string id) => (await Api.GetAsync(server.Client, $"/api/v1/licences/{id}")).Body;

    private async Task RaiseOverdueAsync()
    {
        using var scope = server.Factory!.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReportService>().RaiseOverdueAsync(CancellationToken.None);
    }

    private static string Reasons(JsonNode shipment) => string.Join(" | ", shipment["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));

    [Fact]
    public async Task A_declaration_within_the_licence_is_released_and_drawn_down_with_reports_due()
    {
        var l = await LicenceAsync(1200m);
        var shipment = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 400m, l.Number));

        Assert.Equal("released", shipment.Str("status"));
        Assert.True(shipment["drawn"]!.GetValue<bool>());
        Assert.Contains("800 kg left", Reasons(shipment), StringComparison.Ordinal);
        var licence = await LicenceStateAsync(l.Id);
        Assert.Equal((400m, 800m, 20000m), (licence["usedKg"]!.GetValue<decimal>(), licence["remainingKg"]!.GetValue<decimal>(), licence["usedValue"]!.GetValue<decimal>()));
        var reports = shipment["reports"]!.AsArray();
        Assert.Equal(["transport", "arrival", "installation", "use"], reports.Select(r => r!.Str("kind")));
        // Released Mon 15 Sep 2025; 10 working days on is Sun 28 Sep, a make-up working day before National Day.
        Assert.Equal(("2025-09-15", "2025-09-28"), (shipment.Str("declaredOn"), reports[0]!.Str("dueOn")));
        Assert.All(reports, r => Assert.False(r!["overdue"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Beyond_the_balance_the_goods_are_held_with_the_reason_and_an_officer_refuses_them()
    {
        var l = await LicenceAsync(500m);
        await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 300m, l.Number));
        var held = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 300m, l.Number));

        Assert.Equal("held", held.Str("status"));
        Assert.Contains($"Beyond the balance of licence {l.Number}: 300 kg declared, 200 of 500 kg left", Reasons(held), StringComparison.Ordinal);
        Assert.Empty(held["reports"]!.AsArray());
        var (_, queue) = await Api.GetAsync(server.Client, "/api/v1/shipments?status=held");
        Assert.Contains(queue["items"]!.AsArray(), s => s!.Str("id") == held.Str("id"));

        // Releasing it anyway would overdraw the licence: the officer is told so and nothing changes.
        var (releaseStatus, problem) = await Api.PostAsync(server.Client, $"/api/v1/shipments/{held.Str("id")}/release", new { reason = "urgent" });
        Assert.Equal(HttpStatusCode.Conflict, releaseStatus);
        Assert.Contains("Beyond the balance", problem.Str("detail"), StringComparison.Ordinal);

        var (refuseStatus, refused) = await Api.PostAsync(server.Client, $"/api/v1/shipments/{held.Str("id")}/refuse", new { reason = "Over the licensed quantity" });
        Assert.Equal(HttpStatusCode.OK, refuseStatus);
        Assert.Equal("refused", refused.Str("status"));
        Assert.Equal(200m, (await LicenceStateAsync(l.Id))["remainingKg"]!.GetValue<decimal>());
        var (again, _) = await Api.PostAsync(server.Client, $"/api/v1/shipments/{held.Str("id")}/refuse", new { reason = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task Magnets_without_composition_evidence_are_held_until_an_officer_releases_them()
    {
        var l = await LicenceAsync(1000m);
        var held = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 250m, l.Number, composition: []));

        Assert.Equal("held", held.Str("status"));
        Assert.Contains("HS 8505.11 magnets declared without composition evidence", Reasons(held), StringComparison.Ordinal);
        Assert.Equal(0m, (await LicenceStateAsync(l.Id))["usedKg"]!.GetValue<decimal>());

        var (status, released) = await Api.PostAsync(server.Client, $"/api/v1/shipments/{held.Str("id")}/release", new { reason = "Test report shows Dy 0.8 wt%" });
        Assert.True(status == HttpStatusCode.OK, released.ToJsonString());
        Assert.Equal(("released", true), (released.Str("status"), released["drawn"]!.GetValue<bool>()));
        Assert.Equal(4, released["reports"]!.AsArray().Count);
        Assert.Equal(250m, (await LicenceStateAsync(l.Id))["usedKg"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Controlled_goods_without_a_licence_are_held_and_cannot_be_released_but_uncontrolled_ones_go()
    {
        var l = await LicenceAsync(100m);
        var held = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 50m));
        Assert.Equal("held", held.Str("status"));
        Assert.Contains("controlled composition (1C905.a.4) but no licence or VEU is cited", Reasons(held), StringComparison.Ordinal);
        var (status, problem) = await Api.PostAsync(server.Client, $"/api/v1/shipments/{held.Str("id")}/release", new { reason = "looks fine" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("need a licence", problem.Str("detail"), StringComparison.Ordinal);

        var free = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 50m, composition: Uncontrolled));
        Assert.Equal(("released", false), (free.Str("status"), free["drawn"]!.GetValue<bool>()));
        Assert.Empty(free["reports"]!.AsArray());
    }

    [Fact]
    public async Task A_declaration_outside_the_licence_is_refused_with_every_reason()
    {
        var l = await LicenceAsync(1000m);
        var otherEndUser = await server.CreatePartyAsync($"Other {Guid.NewGuid():N}", "FR", ["automotive"], ["end-user"], l.Client);
        var refused = await DeclareAsync(l.Client, Declaration(l.Exporter, otherEndUser, 10m, l.Number, destination: "FR"));
        Assert.Equal("refused", refused.Str("status"));
        var reasons = Reasons(refused);
        Assert.Contains($"The end user is not the one licensed on {l.Number}", reasons, StringComparison.Ordinal);
        Assert.Contains("Destination FR is not the licensed destination DE", reasons, StringComparison.Ordinal);

        var sm = new Dictionary<string, decimal> { ["Sm"] = 25, ["Co"] = 50, ["Fe"] = 25 };
        var wrongItem = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 10m, l.Number, composition: sm));
        Assert.Equal("refused", wrongItem.Str("status"));
        Assert.Contains("1C902.a.4 is not among the items licensed", Reasons(wrongItem), StringComparison.Ordinal);

        var missing = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 10m, "EL-2025-NOSUCH"));
        Assert.Equal("refused", missing.Str("status"));
        Assert.Contains("Licence EL-2025-NOSUCH does not exist", Reasons(missing), StringComparison.Ordinal);
        Assert.Equal(0m, (await LicenceStateAsync(l.Id))["usedKg"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Another_exporters_licence_reads_as_missing_and_reveals_nothing()
    {
        var l = await LicenceAsync(1000m);
        var other = await server.CreatePartyAsync($"Other {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        var client = await server.ExporterAsync(other);
        var endUser = await server.CreatePartyAsync($"Kunde {Guid.NewGuid():N}", "DE", ["automotive"], ["end-user"], client);

        var refused = await DeclareAsync(client, Declaration(other, endUser, 10m, l.Number));
        Assert.Equal("refused", refused.Str("status"));
        Assert.Equal($"Licence {l.Number} does not exist.", Reasons(refused));
        Assert.Null(refused["licenceId"]?.GetValue<string>());
        Assert.Equal(0m, (await LicenceStateAsync(l.Id))["usedKg"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_suspended_licence_refuses_exports_until_it_is_reinstated()
    {
        var l = await LicenceAsync(1000m);
        var (suspendStatus, suspended) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/suspend", new { reason = "End user under investigation" });
        Assert.Equal(HttpStatusCode.OK, suspendStatus);
        Assert.Equal(("suspended", "authority"), (suspended.Str("status"), suspended["suspension"]!.Str("kind")));

        var refused = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 100m, l.Number));
        Assert.Equal("refused", refused.Str("status"));
        Assert.Contains($"Licence {l.Number} is suspended (End user under investigation)", Reasons(refused), StringComparison.Ordinal);

        var (again, _) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/suspend", new { reason = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        var (_, reinstated) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/reinstate", new { reason = "Investigation closed" });
        Assert.Equal("active", reinstated.Str("status"));
        Assert.Equal(["issued", "suspended", "reinstated"], reinstated["history"]!.AsArray().Select(e => e!.Str("action")));
        Assert.Equal("released", (await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 100m, l.Number))).Str("status"));

        var (exporterRevoke, _) = await Api.PostAsync(l.Client, $"/api/v1/licences/{l.Id}/revoke", new { reason = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, exporterRevoke);
        var (_, revoked) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/revoke", new { reason = "Diversion found" });
        Assert.Equal("revoked", revoked.Str("status"));
        var (reinstateRevoked, problem) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/reinstate", new { reason = "undo" });
        Assert.Equal(HttpStatusCode.Conflict, reinstateRevoked);
        Assert.Contains("only a suspended licence can be reinstated", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_declarations_never_overdraw_a_licence()
    {
        var l = await LicenceAsync(1000m);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 100m, l.Number))));

        Assert.Equal(10, results.Count(r => r.Str("status") == "released"));

        // The two that lost the race are held for the balance, or refused once the licence is used up.
        Assert.All(results.Where(r => r.Str("status") != "released"), r => Assert.Matches("Beyond the balance|is exhausted", Reasons(r)));
        var licence = await LicenceStateAsync(l.Id);
        Assert.Equal((1000m, 0m), (licence["usedKg"]!.GetValue<decimal>(), licence["remainingKg"]!.GetValue<decimal>()));

        // An individual licence lapses once used (art. 15).
        Assert.Equal("exhausted", licence.Str("status"));
        var after = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 1m, l.Number));
        Assert.Equal("refused", after.Str("status"));
        Assert.Contains("is exhausted", Reasons(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_change_suspends_the_licence_and_a_non_key_change_is_decided_within_20_working_days()
    {
        var l = await LicenceAsync(1000m);
        var (nonKeyStatus, nonKey) = await Api.PostAsync(l.Client, $"/api/v1/licences/{l.Id}/changes", new { fields = new[] { "transport" }, description = "Ship from Ningbo instead of Shanghai" });
        Assert.Equal(HttpStatusCode.Created, nonKeyStatus);
        Assert.Equal(("pending", false), (nonKey.Str("status"), nonKey["isKey"]!.GetValue<bool>()));
        var requested = DateOnly.Parse(nonKey.Str("requestedAt")[..10], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(DateOnly.Parse(nonKey.Str("dueDate"), System.Globalization.CultureInfo.InvariantCulture) >= requested.AddDays(27)); // 20 working days: four weeks or more
        var (_, decided) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/changes/{nonKey.Str("id")}/decision", new { outcome = "approved", reason = "Port change only" });
        Assert.Equal("approved", decided.Str("status"));
        Assert.Equal("active", (await LicenceStateAsync(l.Id)).Str("status"));

        var (_, key) = await Api.PostAsync(l.Client, $"/api/v1/licences/{l.Id}/changes", new { fields = new[] { "end-user" }, description = "Deliver to the sister plant" });
        Assert.Equal(("new-application-required", true), (key.Str("status"), key["isKey"]!.GetValue<bool>()));
        var licence = await LicenceStateAsync(l.Id);
        Assert.Equal(("suspended", "pending-change"), (licence.Str("status"), licence["suspension"]!.Str("kind")));
        Assert.Equal("refused", (await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 10m, l.Number))).Str("status"));
        var (decideKey, problem) = await Api.PostAsync(server.Client, $"/api/v1/licences/{l.Id}/changes/{key.Str("id")}/decision", new { outcome = "approved", reason = "ok" });
        Assert.Equal(HttpStatusCode.Conflict, decideKey);
        Assert.Contains("new application", problem.Str("detail"), StringComparison.Ordinal);

        var (_, surrendered) = await Api.PostAsync(l.Client, $"/api/v1/licences/{l.Id}/surrender", new { reason = "Replaced by a new application" });
        Assert.Equal("surrendered", surrendered.Str("status"));
    }

    [Fact]
    public async Task Reports_are_filed_by_the_exporter_and_move_the_goods_on()
    {
        var l = await LicenceAsync(1000m);
        var shipment = await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 100m, l.Number));
        var url = $"/api/v1/shipments/{shipment.Str("id")}/reports";

        var (officerFiles, _) = await Api.PostAsync(server.Client, url, new { kind = "arrival", text = "Arrived" });
        Assert.Equal(HttpStatusCode.Forbidden, officerFiles);
        var stranger = await server.ExporterAsync(await server.CreatePartyAsync($"Other {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]));
        var (strangerFiles, _) = await Api.PostAsync(stranger, url, new { kind = "arrival", text = "Arrived" });
        Assert.Equal(HttpStatusCode.NotFound, strangerFiles);
        var (badKind, bad) = await Api.PostAsync(l.Client, url, new { kind = "landing", text = "Arrived" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind);
        Assert.NotNull(bad["errors"]?["kind"]);

        var (status, arrival) = await Api.PostAsync(l.Client, url, new { kind = "arrival", text = "Received at Hildesheim on 2 Oct" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("arrival", false), (arrival.Str("kind"), arrival["late"]!.GetValue<bool>()));
        Assert.Equal("arrived", (await Api.GetAsync(server.Client, $"/api/v1/shipments/{shipment.Str("id")}")).Body.Str("status"));
        var (twice, _) = await Api.PostAsync(l.Client, url, new { kind = "arrival", text = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice);
        await Api.PostAsync(l.Client, url, new { kind = "use", text = "Installed in traction motors" });
        Assert.Equal("in-use", (await Api.GetAsync(server.Client, $"/api/v1/shipments/{shipment.Str("id")}")).Body.Str("status"));

        var (_, filed) = await Api.GetAsync(l.Client, "/api/v1/reports?state=filed");
        Assert.Equal(2, filed["items"]!.AsArray().Count(r => r!.Str("shipmentId") == shipment.Str("id")));
        var (_, strangers) = await Api.GetAsync(stranger, "/api/v1/reports");
        Assert.DoesNotContain(strangers["items"]!.AsArray(), r => r!.Str("shipmentId") == shipment.Str("id"));
        var (hidden, _) = await Api.GetAsync(stranger, $"/api/v1/shipments/{shipment.Str("id")}");
        Assert.Equal(HttpStatusCode.NotFound, hidden);
    }

    [Fact]
    public async Task Bad_declarations_are_refused_with_the_field_and_leave_nothing_behind()
    {
        var l = await LicenceAsync(1000m);
        var number = NewNumber();
        var (noItems, problem) = await Api.PostAsync(l.Client, "/api/v1/shipments", new { declarationNumber = number, exporterId = l.Exporter, endUserId = l.EndUser, destination = "DE", items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, noItems);
        Assert.NotNull(problem["errors"]?["items"]);
        var (future, futureProblem) = await Api.PostAsync(l.Client, "/api/v1/shipments", new
        {
            declarationNumber = number,
            declaredOn = "2099-01-01",
            exporterId = l.Exporter,
            endUserId = l.EndUser,
            destination = "DE",
            items = new[] { new { hsCode = "8505.11", composition = Controlled, quantityKg = 1m, value = 1m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, future);
        Assert.NotNull(futureProblem["errors"]?["declaredOn"]);
        var (negative, negativeProblem) = await Api.PostAsync(l.Client, "/api/v1/shipments", Declaration(l.Exporter, l.EndUser, -5m, l.Number, number: number));
        Assert.Equal(HttpStatusCode.BadRequest, negative);
        Assert.NotNull(negativeProblem["errors"]?["items[0].quantityKg"]);
        var (otherExporter, _) = await Api.PostAsync(await server.ExporterAsync(await server.CreatePartyAsync($"X {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"])), "/api/v1/shipments", Declaration(l.Exporter, l.EndUser, 1m, number: number));
        Assert.Equal(HttpStatusCode.BadRequest, otherExporter);

        var (_, list) = await Api.GetAsync(server.Client, $"/api/v1/shipments?licenceId={l.Id}");
        Assert.Equal(0, list["total"]!.GetValue<int>());
        await DeclareAsync(l.Client, Declaration(l.Exporter, l.EndUser, 1m, l.Number, number: number));
        var (duplicate, duplicateProblem) = await Api.PostAsync(l.Client, "/api/v1/shipments", Declaration(l.Exporter, l.EndUser, 1m, l.Number, number: number));
        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Contains("already recorded", duplicateProblem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(1m, (await LicenceStateAsync(l.Id))["usedKg"]!.GetValue<decimal>());
    }

}

public sealed class SqliteShipmentTests(SqliteServer server) : ShipmentTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresShipmentTests(PostgresServerFixture server) : ShipmentTests(server), IClassFixture<PostgresServerFixture>;
