using System.Net;
using System.Text.Json.Nodes;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>Bad input gets a ProblemDetails naming the field, and changes nothing.</summary>
public abstract class BadInputTests(ServerFixture server)
{
    private async Task<int> CountApplicationsAsync()
    {
        var (_, page) = await Api.GetAsync(server.Client, "/api/v1/applications?pageSize=1");
        return page["total"]!.GetValue<int>();
    }

    private HttpClient? _exporter;

    private async Task<JsonObject> ValidApplicationAsync()
    {
        var exporter = await server.CreatePartyAsync("Ningbo Yunsheng Co., Ltd.", "CN", ["magnets"], ["exporter"]);
        _exporter = await server.ExporterAsync(exporter);
        var endUser = await server.CreatePartyAsync("Example Wind GmbH", "DE", ["wind"], ["end-user"], _exporter);
        return new JsonObject
        {
            ["exporterId"] = exporter,
            ["endUserId"] = endUser,
            ["destination"] = "DE",
            ["endUse"] = new JsonObject { ["category"] = "wind-energy", ["description"] = "Direct-drive generators" },
            ["items"] = new JsonArray(new JsonObject { ["form"] = "magnet", ["composition"] = new JsonObject { ["Dy"] = 4, ["Nd"] = 27 }, ["quantityKg"] = 20000, ["value"] = 1600000 }),
            ["documents"] = new JsonArray("end-user-certificate", "contract", "technical-description", "end-use-statement"),
        };
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "unknown-element", "items[0].composition.Xx" },
        { "negative-quantity", "items[0].quantityKg" },
        { "missing-end-user", "endUserId" },
        { "unknown-country", "destination" },
        { "unknown-end-use", "endUse.category" },
        { "unknown-exporter", "exporterId" },
        { "no-items", "items" },
        { "over-100-percent", "items[0].composition" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Each_bad_field_is_named_and_nothing_is_saved(string breakage, string field)
    {
        var body = await ValidApplicationAsync();
        var item = body["items"]![0]!.AsObject();
        switch (breakage)
        {
            case "unknown-element": item["composition"]!["Xx"] = 1; break;
            case "negative-quantity": item["quantityKg"] = -5; break;
            case "missing-end-user": body.Remove("endUserId"); break;
            case "unknown-country": body["destination"] = "XX"; break;
            case "unknown-end-use": body["endUse"]!["category"] = "space-lasers"; break;
            case "unknown-exporter": body["exporterId"] = Guid.NewGuid(); break;
            case "no-items": body["items"] = new JsonArray(); break;
            case "over-100-percent": item["composition"]!["Fe"] = 90; break;
        }

        var before = await CountApplicationsAsync();
        var (status, problem) = await Api.PostRawAsync(_exporter!, "/api/v1/applications", body.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await CountApplicationsAsync());
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_naming_the_place()
    {
        await ValidApplicationAsync();
        var (status, problem) = await Api.PostRawAsync(_exporter!, "/api/v1/applications", """{ "items": [ { "quantityKg": "lots" } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("items[0].quantityKg", problem.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/applications/{0}")]
    [InlineData("/api/v1/licences/{0}")]
    [InlineData("/api/v1/parties/{0}")]
    public async Task Unknown_ids_are_404_problems(string template)
    {
        var (status, problem) = await Api.GetAsync(server.Client, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_decision_on_an_unknown_application_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(server.Client, $"/api/v1/applications/{Guid.NewGuid()}/decision", new { outcome = "approved", reason = "x" })).Status);

    [Fact]
    public async Task An_unknown_outcome_is_refused_and_the_application_stays_open()
    {
        var body = await ValidApplicationAsync();
        var (_, filed) = await Api.PostRawAsync(_exporter!, "/api/v1/applications", body.ToJsonString());
        var (status, problem) = await Api.PostAsync(server.Client, $"/api/v1/applications/{filed.Str("id")}/decision", new { outcome = "maybe", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["outcome"]);
        var (_, after) = await Api.GetAsync(server.Client, $"/api/v1/applications/{filed.Str("id")}");
        Assert.Equal("in-review", after.Str("status"));
    }

    [Fact]
    public async Task Bad_party_input_names_the_field()
    {
        var (status, problem) = await Api.PostAsync(server.Client, "/api/v1/parties", new { name = "X", country = "ZZ" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["country"]);

        var owned = await server.CreatePartyAsync("Owned Co", "DE");
        var (ownerStatus, ownerProblem) = await Api.PostAsync(server.Client, $"/api/v1/parties/{owned}/owners", new { ownerId = owned, percent = 150 });
        Assert.Equal(HttpStatusCode.BadRequest, ownerStatus);
        Assert.NotNull(ownerProblem["errors"]);
    }

    [Fact]
    public async Task A_bad_filter_is_a_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.GetAsync(server.Client, "/api/v1/applications?lane=fast")).Status);
}

public sealed class SqliteBadInputTests(SqliteServer server) : BadInputTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresBadInputTests(PostgresServerFixture server) : BadInputTests(server), IClassFixture<PostgresServerFixture>;
