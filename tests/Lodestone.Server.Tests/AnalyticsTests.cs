using System.Net;
using System.Text.Json.Nodes;
using Lodestone.Services;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>
/// Export analytics over HTTP on both databases, against small hand-computed cases: the roll-up adds exactly
/// what is released (never what is held or refused), movements read as published, CSV export, and the
/// analyst's view of aggregates only.
/// </summary>
public abstract class AnalyticsTests(ServerFixture server)
{
    private static readonly Dictionary<string, decimal> Uncontrolled = new() { ["Nd"] = 31, ["Fe"] = 68, ["B"] = 1 };

    private async Task<(Guid Exporter, HttpClient Client)> ExporterAsync()
    {
        var exporter = await server.CreatePartyAsync($"Magnets {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        return (exporter, await server.ExporterAsync(exporter));
    }

    private static async Task<JsonNode> DeclareAsync(HttpClient client, Guid exporter, Guid endUser, string destination, string on, decimal kg, decimal value, Dictionary<string, decimal>? composition = null)
    {
        var (status, body) = await Api.PostAsync(client, "/api/v1/shipments", new
        {
            declarationNumber = $"2205{Guid.NewGuid().ToString("N")[..14]}",
            declaredOn = on,
            exporterId = exporter,
            endUserId = endUser,
            destination,
            items = new[] { new { hsCode = "8505.11", composition = composition ?? Uncontrolled, quantityKg = kg, value } },
        });
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    [Fact]
    public async Task Released_exports_add_up_by_month_and_destination_and_held_ones_do_not()
    {
        var (exporter, client) = await ExporterAsync();
        var us = await server.CreatePartyAsync($"Motors {Guid.NewGuid():N}", "US", ["automotive"], ["end-user"], client);

        // Hand-computed: US 2025-08 = 589.5 kg, USD 30,000.25 over 2 declarations; 2025-09 = 420 kg; 2024-09 = 596 kg.
        await DeclareAsync(client, exporter, us, "US", "2025-08-04", 500m, 25000m);
        await DeclareAsync(client, exporter, us, "US", "2025-08-20", 89.5m, 5000.25m);
        await DeclareAsync(client, exporter, us, "US", "2025-09-10", 420m, 21000m);
        await DeclareAsync(client, exporter, us, "US", "2024-09-10", 596m, 29800m);
        var held = await DeclareAsync(client, exporter, us, "US", "2025-09-11", 1000m, 1m, new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 });
        Assert.Equal("held", held.Str("status"));

        var analyst = await server.ClientAs(Roles.Analyst);
        var (status, rows) = await Api.GetAsync(analyst, "/api/v1/analytics/exports?from=2025-08&to=2025-09&groupBy=month,destination&destination=US");
        Assert.Equal(HttpStatusCode.OK, status);
        var byMonth = rows.AsArray().ToDictionary(r => r!.Str("month"), r => r!);
        Assert.Equal(["2025-08-01", "2025-09-01"], byMonth.Keys);
        Assert.Equal((589.5m, 30000.25m, 2), (byMonth["2025-08-01"]["kg"]!.GetValue<decimal>(), byMonth["2025-08-01"]["value"]!.GetValue<decimal>(), byMonth["2025-08-01"]["shipments"]!.GetValue<int>()));
        Assert.Equal((420m, 1), (byMonth["2025-09-01"]["kg"]!.GetValue<decimal>(), byMonth["2025-09-01"]["shipments"]!.GetValue<int>()));

        // Releasing the held goods is not possible without a licence; refusing them leaves the totals as they were.
        await Api.PostAsync(server.Client, $"/api/v1/shipments/{held.Str("id")}/refuse", new { reason = "No licence" });
        var (_, after) = await Api.GetAsync(analyst, "/api/v1/analytics/exports?from=2025-09&to=2025-09&groupBy=destination&destination=US");
        Assert.Equal(420m, Assert.Single(after.AsArray())!["kg"]!.GetValue<decimal>());

        var (_, moves) = await Api.GetAsync(analyst, "/api/v1/analytics/movements?month=2025-09");
        var usMove = moves.AsArray().Single(m => m!.Str("destination") == "US")!;
        Assert.Equal("US \u221228.8% m/m, \u221229.5% y/y, September 2025", usMove.Str("description"));

        var csv = await analyst.GetStringAsync(new Uri("/api/v1/analytics/exports.csv?from=2025-08&to=2025-08&groupBy=month,destination&destination=US", UriKind.Relative));
        Assert.Equal(["month,week,destination,control_code,sector,authorisation,kg,value,shipments", "2025-08,,US,,,,589.5,30000.25,2"], csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Analysts_see_aggregates_only_and_bad_parameters_are_named()
    {
        var analyst = await server.ClientAs(Roles.Analyst);
        foreach (var url in new[] { "/api/v1/shipments", "/api/v1/applications", "/api/v1/parties", "/api/v1/licences" })
        {
            var (status, _) = await Api.GetAsync(analyst, url);
            Assert.True(status == HttpStatusCode.Forbidden, url);
        }

        var (_, client) = await ExporterAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(client, "/api/v1/analytics/exports")).Status);

        var (badGroup, problem) = await Api.GetAsync(analyst, "/api/v1/analytics/exports?groupBy=month,exporter");
        Assert.Equal(HttpStatusCode.BadRequest, badGroup);
        Assert.NotNull(problem["errors"]?["groupBy"]);
        var (badMonth, monthProblem) = await Api.GetAsync(analyst, "/api/v1/analytics/exports?from=Sept");
        Assert.Equal(HttpStatusCode.BadRequest, badMonth);
        Assert.NotNull(monthProblem["errors"]?["from"]);
        var (reversed, _) = await Api.GetAsync(analyst, "/api/v1/analytics/exports?from=2025-09&to=2025-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed);
    }
}

public sealed class SqliteAnalyticsTests(SqliteServer server) : AnalyticsTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAnalyticsTests(PostgresServerFixture server) : AnalyticsTests(server), IClassFixture<PostgresServerFixture>;
