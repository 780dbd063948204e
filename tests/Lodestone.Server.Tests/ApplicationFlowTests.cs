using System.Net;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>
/// The first real flow over HTTP: parties, classification, filing, routing with reasons and due date,
/// clock stop, decision and licence. Runs against SQLite and PostgreSQL.
/// </summary>
public abstract class ApplicationFlowTests(ServerFixture server)
{
    /// <summary>An exporter, and a customer its account registered (an exporter files only for parties it may see).</summary>
    private async Task<(Guid Exporter, Guid EndUser)> PartiesAsync(string endUserCountry = "DE", string[]? sectors = null)
    {
        var exporter = await server.CreatePartyAsync("JL MAG Rare-Earth Co., Ltd.", "CN", ["magnets"], ["exporter"]);
        var endUser = await server.CreatePartyAsync($"Motors {Guid.NewGuid():N}", endUserCountry, sectors ?? ["automotive"], ["end-user"], await server.ExporterAsync(exporter));
        return (exporter, endUser);
    }

    private static object Application(Guid exporter, Guid endUser, string destination = "DE", object? composition = null, decimal quantity = 1200m) => new
    {
        channel = "individual",
        exporterId = exporter,
        endUserId = endUser,
        destination,
        endUse = new { category = "automotive", description = "EV traction motors" },
        items = new[] { new { form = "magnet", composition = composition ?? new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 }, hsCode = "8505.11", quantityKg = quantity, value = 96000m } },
        documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
    };

    [Fact]
    public async Task Classification_names_the_entry_and_the_reason()
    {
        var (status, body) = await Api.PostAsync(server.Client, "/api/v1/classifications", new { form = "magnet", composition = new { Dy = 0.8, Nd = 30 }, hsCode = "8505111000" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["controlled"]!.GetValue<bool>());
        Assert.Equal("1C905.a.4", body["entries"]![0]!.Str("code"));
        Assert.Contains("Dy 0.8 wt%", body["entries"]![0]!.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_route_decide_and_issue_a_licence()
    {
        var (exporter, endUser) = await PartiesAsync();
        var (status, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", Application(exporter, endUser));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("in-review", "standard", "2025.1"), (filed.Str("status"), filed.Str("lane"), filed.Str("policyVersion")));
        Assert.Equal("2025-11-21", filed.Str("dueDate")); // accepted Mon 15 Sep 2025 + 45 working days across National Day
        Assert.Equal("standard-review", filed["reasons"]![0]!.Str("rule"));
        Assert.Contains(filed["reasons"]!.AsArray(), r => r!.Str("text").Contains("1C905.a.4", StringComparison.Ordinal));
        var id = filed.Str("id");

        var (_, stopped) = await Api.PostAsync(server.Client, $"/api/v1/applications/{id}/clock-stops", new { reason = "expert-consultation", from = "2025-10-13", to = "2025-10-17" });
        Assert.Equal("2025-11-28", stopped.Str("dueDate"));

        var (listed, page) = await Api.GetAsync(server.Client, "/api/v1/applications?lane=standard&status=in-review");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains(page["items"]!.AsArray(), a => a!.Str("id") == id);

        var (decided, licence) = await Api.PostAsync(server.Client, $"/api/v1/applications/{id}/decision", new { outcome = "approved", reason = "Civil use documented" });
        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.StartsWith("EL-2025-", licence.Str("number"), StringComparison.Ordinal);
        Assert.Equal(("2025-09-15", "2026-09-14", 1200m), (licence.Str("validFrom"), licence.Str("validUntil"), licence["remainingKg"]!.GetValue<decimal>()));
        Assert.Equal("standard-review", licence["ruleIds"]![0]!.GetValue<string>());

        var (gotLicence, fetched) = await Api.GetAsync(server.Client, $"/api/v1/licences/{licence.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, gotLicence);
        Assert.Equal(licence.Str("number"), fetched.Str("number"));

        var (_, application) = await Api.GetAsync(server.Client, $"/api/v1/applications/{id}");
        Assert.Equal("approved", application.Str("status"));
        Assert.Equal(licence.Str("id"), application.Str("licenceId"));

        var (again, problem) = await Api.PostAsync(server.Client, $"/api/v1/applications/{id}/decision", new { outcome = "denied", reason = "second thoughts" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("approved", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subsidiary_of_a_defence_group_is_presumed_denied_and_the_reason_names_the_owner()
    {
        var (exporter, _) = await PartiesAsync();
        var parent = await server.CreatePartyAsync("Lockheed Martin Corporation", "US", ["defence", "aerospace"]);
        var subsidiary = await server.CreatePartyAsync($"Sikorsky {Guid.NewGuid():N}", "US", ["aerospace"], ["end-user"], await server.ExporterAsync(exporter));
        var (ownerStatus, party) = await Api.PostAsync(server.Client, $"/api/v1/parties/{subsidiary}/owners", new { ownerId = parent, percent = 100 });
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.True(party["militaryTies"]!["linked"]!.GetValue<bool>());

        var (_, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", Application(exporter, subsidiary, "US"));
        Assert.Equal("presumption-of-denial", filed.Str("lane"));
        Assert.Contains(filed["reasons"]!.AsArray(), r => r!.Str("text").Contains("Lockheed Martin Corporation", StringComparison.Ordinal));

        var (status, _) = await Api.PostAsync(server.Client, $"/api/v1/applications/{filed.Str("id")}/decision", new { outcome = "approved", reason = "looks fine" });
        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task A_magnet_without_composition_goes_to_enhanced_review_with_the_gap_named()
    {
        var (exporter, endUser) = await PartiesAsync();
        var (_, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", Application(exporter, endUser, composition: new Dictionary<string, decimal>()));
        Assert.Equal("enhanced", filed.Str("lane"));
        Assert.Null(filed["dueDate"]);
        Assert.Contains(filed["reasons"]!.AsArray(), r => r!.Str("text").Contains("No composition declared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registration_case_gets_its_voucher_on_filing()
    {
        var (exporter, endUser) = await PartiesAsync();
        var (_, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", new
        {
            channel = "registration",
            exporterId = exporter,
            endUserId = endUser,
            destination = "DE",
            endUse = new { category = "exhibition", description = "Trade fair samples" },
            items = new[] { new { form = "magnet", composition = new { Nd = 29, Dy = 1, Fe = 69, B = 1 }, quantityKg = 5, value = 500 } },
            documents = new[] { "contract" },
        });
        Assert.Equal(("registration", "approved"), (filed.Str("lane"), filed.Str("status")));
        var (_, voucher) = await Api.GetAsync(server.Client, $"/api/v1/licences/{filed.Str("licenceId")}");
        Assert.Equal("registration", voucher.Str("type"));
        Assert.StartsWith("EV-", voucher.Str("number"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_officers_deciding_at_once_one_wins_and_the_other_gets_409()
    {
        var (exporter, endUser) = await PartiesAsync();
        var (_, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", Application(exporter, endUser));
        var url = $"/api/v1/applications/{filed.Str("id")}/decision";
        var results = await Task.WhenAll(
            Api.PostAsync(server.Client, url, new { outcome = "approved", reason = "a" }),
            Api.PostAsync(server.Client, url, new { outcome = "denied", reason = "b" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
    }
}

public sealed class SqliteApplicationFlowTests(SqliteServer server) : ApplicationFlowTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresApplicationFlowTests(PostgresServerFixture server) : ApplicationFlowTests(server), IClassFixture<PostgresServerFixture>;
