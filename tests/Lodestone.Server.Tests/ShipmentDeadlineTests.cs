using System.Net;
using System.Text.Json.Nodes;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Lodestone.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Server.Tests;

/// <summary>
/// Goods declared under a VEU on both databases: the cap is drawn (and holds the goods beyond it), and a
/// post-shipment report left overdue is raised once and puts the VEU under review (domain.md §4.2). The
/// class moves its clock forward past the report deadline, so it has a server of its own.
/// </summary>
public abstract class ShipmentDeadlineTests(ServerFixture server)
{
    private const string Plant = "Hildesheim motor plant";

    private static object Declaration(Guid exporter, Guid endUser, decimal kg, string veu, string? facility = Plant) => new
    {
        declarationNumber = $"2205{Guid.NewGuid().ToString("N")[..14]}",
        exporterId = exporter,
        endUserId = endUser,
        destination = "DE",
        facility,
        veuNumber = veu,
        items = new[] { new { hsCode = "8505.11", composition = new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 }, quantityKg = kg, value = 50m * kg } },
    };

    private async Task<(Guid Exporter, Guid EndUser, HttpClient Client, string Id, string Number)> ActiveVeuAsync(decimal cap)
    {
        var exporter = await server.CreatePartyAsync($"Magnets {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        var client = await server.ExporterAsync(exporter);
        var endUser = await server.CreatePartyAsync($"Motorenwerk {Guid.NewGuid():N}", "DE", ["automotive"], ["end-user"], client);
        var committee = await server.CommitteeAsync(3);
        var (status, applied) = await Api.PostAsync(client, "/api/v1/veu", new
        {
            exporterIds = new[] { exporter },
            endUserId = endUser,
            facilities = new[] { new { name = Plant, address = "Robert-Bosch-Str. 200, Hildesheim", country = "DE" } },
            controlCodes = new[] { "1C905" },
            endUse = new { category = "automotive", description = "EV traction motors" },
            annualCapKg = cap,
            validityMonths = 12,
            documents = new[] { "end-user-certificate", "compliance-programme", "ownership-chart", "on-site-consent" },
        });
        Assert.True(status == HttpStatusCode.Created, applied.ToJsonString());
        var id = applied.Str("id");
        await Api.PostAsync(server.Client, $"/api/v1/veu/{id}/vetting", new { });
        JsonNode granted = applied;
        foreach (var (_, member) in committee)
        {
            (_, granted) = await Api.PostAsync(member, $"/api/v1/veu/{id}/votes", new { vote = "grant", reason = "Civil end use verified" });
        }

        Assert.Equal("active", granted.Str("status"));
        return (exporter, endUser, client, id, granted.Str("number"));
    }

    [Fact]
    public async Task Goods_under_a_VEU_draw_its_cap_and_an_overdue_report_puts_it_under_review()
    {
        var veu = await ActiveVeuAsync(cap: 500m);
        var (status, shipment) = await Api.PostAsync(veu.Client, "/api/v1/shipments", Declaration(veu.Exporter, veu.EndUser, 400m, veu.Number));
        Assert.True(status == HttpStatusCode.Created, shipment.ToJsonString());
        Assert.Equal(("released", veu.Id), (shipment.Str("status"), shipment.Str("veuId")));
        Assert.Contains("100 kg left", shipment["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, beyond) = await Api.PostAsync(veu.Client, "/api/v1/shipments", Declaration(veu.Exporter, veu.EndUser, 200m, veu.Number));
        Assert.Equal("held", beyond.Str("status"));
        Assert.Contains($"Beyond the annual cap of {veu.Number}: 600 of 500 kg", beyond["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, elsewhere) = await Api.PostAsync(veu.Client, "/api/v1/shipments", Declaration(veu.Exporter, veu.EndUser, 10m, veu.Number, facility: "Stuttgart plant"));
        Assert.Equal("refused", elsewhere.Str("status"));
        Assert.Contains("facility not covered", elsewhere["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Past the transport report's deadline (sessions expire with the jump, so the rest goes through the services).
        var transportDue = DateOnly.Parse(shipment["reports"]![0]!.Str("dueOn"), System.Globalization.CultureInfo.InvariantCulture);
        server.Clock.SetUtcNow(new DateTimeOffset(transportDue.AddDays(1).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));
        var shipmentId = Guid.Parse(shipment.Str("id"));
        using (var scope = server.Factory!.Services.CreateScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            Assert.Equal((1, 1), await reports.RaiseOverdueAsync(CancellationToken.None));
            Assert.Equal((0, 0), await reports.RaiseOverdueAsync(CancellationToken.None)); // raised once
            var overdue = (await reports.ListAsync("overdue", 1, 50, CancellationToken.None)).Items.Single();
            Assert.Equal(("transport", shipmentId), (overdue.Kind, overdue.ShipmentId));
            Assert.NotNull(overdue.OverdueRaisedAt);

            var late = await reports.FileAsync(shipmentId, new FileReportRequest("transport", "Left Ningbo on MSC Aurora"), CancellationToken.None);
            Assert.True(late.Late);
        }

        using (var scope = server.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LodestoneDbContext>();
            var reviewed = await db.VeuAuthorizations.AsNoTracking().SingleAsync(v => v.Id == Guid.Parse(veu.Id));
            Assert.Equal(VeuStatus.UnderReview, reviewed.Status);
            Assert.Contains("transport report on declaration", reviewed.History[^1].Reason, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteShipmentDeadlineTests(SqliteServer server) : ShipmentDeadlineTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresShipmentDeadlineTests(PostgresServerFixture server) : ShipmentDeadlineTests(server), IClassFixture<PostgresServerFixture>;
