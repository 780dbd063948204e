using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lodestone.Services;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>
/// Lists, imports and party screening over HTTP: all-or-nothing imports with diffs, screening on
/// registration, background re-screening after a list change, the officers' queue, clearances that hold
/// until the entry changes, and the list facts routing derives (directly and through ownership).
/// </summary>
public abstract class ScreeningTests(ServerFixture server)
{
    private const string Header = "id,name,name_zh,aliases,country,type,listed,removed,measures,source_url";

    /// <summary>A made-up word no other test uses, so lists and parties of different tests never meet.</summary>
    private static string Word()
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var random = Random.Shared;
        var text = new StringBuilder();
        for (var i = 0; i < 4; i++)
        {
            text.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        return char.ToUpperInvariant(text[0]) + text.ToString(1, text.Length - 1);
    }

    private async Task<HttpClient> AdminAsync() => await server.ClientAs(Roles.PolicyAdmin);

    private async Task<string> CreateListAsync(string kind)
    {
        var id = $"test-{Word().ToLowerInvariant()}";
        var (status, body) = await Api.PostAsync(await AdminAsync(), "/api/v1/lists", new { id, name = $"Test list {id}", authority = "Test authority", kind });
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return id;
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ImportAsync(string listId, string csv, string format = "lodestone", string fileName = "list.csv")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fileName);
        content.Add(new StringContent(format), "format");
        var response = await (await AdminAsync()).PostAsync($"/api/v1/lists/{listId}/versions", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text)!);
    }

    /// <summary>Waits for the background re-screening of a job (any instance may run it).</summary>
    private async Task WaitForRescreenAsync(string jobId)
    {
        var officer = server.Client;
        for (var i = 0; i < 120; i++)
        {
            var (_, jobs) = await Api.GetAsync(officer, "/api/v1/screening/jobs");
            if (jobs.AsArray().Any(j => j!.Str("id") == jobId && j!.Str("status") == "done"))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Re-screening job {jobId} did not finish.");
    }

    private async Task<JsonNode> PartyAsync(Guid id) => (await Api.GetAsync(server.Client, $"/api/v1/parties/{id}")).Body;

    [Fact]
    public async Task A_malformed_file_is_rejected_with_line_and_field_and_the_previous_version_stays_live()
    {
        var list = await CreateListAsync("watch");
        var word = Word();
        var (status, first) = await ImportAsync(list, $"{Header}\nE1,{word} Trading Co.,,,DE,entity,2025-01-02,,,\n");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, first["version"]!["number"]!.GetValue<int>());

        // Line 3 carries a bad date; nothing of the file may land, not even its good line 2.
        var (rejected, problem) = await ImportAsync(list, $"{Header}\nE1,{word} Trading Co.,,,DE,entity,2025-01-02,,,\nE2,Other {word},,,DE,entity,2025-13-45,,,\n");
        Assert.Equal(HttpStatusCode.BadRequest, rejected);
        Assert.Equal(3, problem["line"]!.GetValue<int>());
        Assert.Equal("listed", problem["field"]!.GetValue<string>());

        var (wrongColumns, header) = await ImportAsync(list, "id,nom\nE1,x\n");
        Assert.Equal(HttpStatusCode.BadRequest, wrongColumns);
        Assert.Equal(1, header["line"]!.GetValue<int>());

        var (_, summary) = await Api.GetAsync(server.Client, $"/api/v1/lists/{list}");
        Assert.Equal((1, 1), (summary["currentVersion"]!.GetValue<int>(), summary["entryCount"]!.GetValue<int>()));
        var (_, versions) = await Api.GetAsync(server.Client, $"/api/v1/lists/{list}/versions");
        Assert.Single(versions.AsArray());
    }

    [Fact]
    public async Task Each_import_is_a_version_with_its_diff_and_an_unchanged_file_adds_none()
    {
        var list = await CreateListAsync("external");
        var (a, b, c, d) = (Word(), Word(), Word(), Word());
        await ImportAsync(list, $"{Header}\nE1,{a} Corp,,,US,entity,,,,\nE2,{b} Corp,,,US,entity,,,,\nE3,{c} Corp,,,US,entity,,,,\n");
        var (status, second) = await ImportAsync(list, $"{Header}\nE1,{a} Corp,,{a} Holdings,US,entity,,,,\nE3,{c} Corp,,,US,entity,,,,\nE4,{d} Corp,,,US,entity,,,,\n");
        Assert.Equal(HttpStatusCode.Created, status);
        var version = second["version"]!;
        Assert.Equal((2, 1, 1, 1), (version["number"]!.GetValue<int>(), version["added"]!.GetValue<int>(), version["removed"]!.GetValue<int>(), version["changed"]!.GetValue<int>()));

        var (_, diff) = await Api.GetAsync(server.Client, $"/api/v1/lists/{list}/versions/2");
        var changes = diff["changes"]!.AsArray().Select(ch => (ch!.Str("entryId"), ch!.Str("change"))).ToHashSet();
        Assert.Equal(new HashSet<(string, string)> { ("E4", "added"), ("E2", "removed"), ("E1", "changed") }, changes);
        Assert.Equal("aliases", diff["changes"]!.AsArray().Single(ch => ch!.Str("entryId") == "E1")!["fields"]![0]!.GetValue<string>());

        var (again, same) = await ImportAsync(list, $"{Header}\nE1,{a} Corp,,{a} Holdings,US,entity,,,,\nE3,{c} Corp,,,US,entity,,,,\nE4,{d} Corp,,,US,entity,,,,\n");
        Assert.Equal(HttpStatusCode.Created, again);
        Assert.True(same["unchanged"]!.GetValue<bool>());
        Assert.Equal(2, same["version"]!["number"]!.GetValue<int>());

        // Past versions stay readable.
        var (_, old) = await Api.GetAsync(server.Client, $"/api/v1/lists/{list}/entries?version=1");
        Assert.Equal(3, old["total"]!.GetValue<int>());
        Assert.Contains(old["items"]!.AsArray(), e => e!.Str("entryId") == "E2");
    }

    [Fact]
    public async Task A_party_is_screened_on_registration_and_its_hit_waits_for_review()
    {
        var word = Word();
        var list = await CreateListAsync("unreliable-entity");
        var (_, imported) = await ImportAsync(list, $"{Header}\nU1,{word} Defense Systems Inc.,,,US,entity,2024-01-02,,Import and export ban,\n");
        await WaitForRescreenAsync(imported.Str("rescreenJobId"));

        var party = await server.CreatePartyAsync($"{word} Defense Systems, Inc.", "US");
        var body = await PartyAsync(party);
        Assert.Equal("potential-match", body["screening"]!.Str("status"));
        var hit = body["screening"]!["hits"]![0]!;
        Assert.Equal((list, "U1", "party registered"), (hit.Str("listId"), hit.Str("entryId"), hit.Str("trigger")));
        Assert.True(hit["score"]!.GetValue<double>() >= 0.9);

        var (_, queue) = await Api.GetAsync(server.Client, "/api/v1/screening/hits");
        Assert.Contains(queue["items"]!.AsArray(), h => h!.Str("id") == hit.Str("id"));

        var (_, audit) = await Api.GetAsync(await server.ClientAs(Roles.Auditor), $"/api/v1/audit?action=screening.hit-raised&entityId={hit.Str("id")}");
        Assert.Single(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task A_list_change_re_screens_registered_parties_in_the_background()
    {
        var word = Word();
        var party = await server.CreatePartyAsync($"{word} Precision Machinery Co., Ltd.", "CN");
        Assert.Equal("clear", (await PartyAsync(party))["screening"]!.Str("status"));

        var list = await CreateListAsync("watch");
        var (_, imported) = await ImportAsync(list, $"{Header}\nW1,{word} Precision Machinery Company Limited,,,CN,entity,2025-09-01,,,\n");
        await WaitForRescreenAsync(imported.Str("rescreenJobId"));

        var hits = (await PartyAsync(party))["screening"]!["hits"]!.AsArray();
        var hit = Assert.Single(hits)!;
        Assert.StartsWith("list change", hit.Str("trigger"), StringComparison.Ordinal);

        // The entry leaves the list: the hit lapses on the next re-screening.
        var (_, removed) = await ImportAsync(list, $"{Header}\nW2,Unrelated {Word()} Works,,,CN,entity,2025-09-01,,,\n");
        await WaitForRescreenAsync(removed.Str("rescreenJobId"));
        Assert.Equal("clear", (await PartyAsync(party))["screening"]!.Str("status"));
    }

    [Fact]
    public async Task A_cleared_hit_stays_cleared_until_the_entry_changes()
    {
        var word = Word();
        var list = await CreateListAsync("external");
        var (_, v1) = await ImportAsync(list, $"{Header}\nX1,{word} Electronics GmbH,,,DE,entity,,,,\n");
        await WaitForRescreenAsync(v1.Str("rescreenJobId"));
        var party = await server.CreatePartyAsync($"{word} Electronics GmbH", "DE");
        var hitId = (await PartyAsync(party))["screening"]!["hits"]![0]!.Str("id");

        var (refused, problem) = await Api.PostAsync(server.Client, $"/api/v1/screening/hits/{hitId}/clear", new { reason = "Different company, registry HRB 1234" });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("expiresOn", problem["errors"]!.AsObject().Select(e => e.Key));

        var (cleared, clearedHit) = await Api.PostAsync(server.Client, $"/api/v1/screening/hits/{hitId}/clear", new { reason = "Different company, registry HRB 1234", expiresOn = "2026-09-15" });
        Assert.Equal(HttpStatusCode.OK, cleared);
        Assert.Equal("cleared", clearedHit.Str("review"));
        Assert.Equal("cleared", (await PartyAsync(party))["screening"]!.Str("status"));

        // Another list's change re-screens everyone; the clearance holds because this entry did not change.
        var other = await CreateListAsync("external");
        var (_, unrelated) = await ImportAsync(other, $"{Header}\nY1,{Word()} Foods Ltd,,,GB,entity,,,,\n");
        await WaitForRescreenAsync(unrelated.Str("rescreenJobId"));
        Assert.Equal("cleared", (await PartyAsync(party))["screening"]!.Str("status"));

        // The entry gains an alias: the clearance no longer covers it and the hit is back in the queue.
        var (_, v2) = await ImportAsync(list, $"{Header}\nX1,{word} Electronics GmbH,,{word} Elektronik,DE,entity,,,,\n");
        await WaitForRescreenAsync(v2.Str("rescreenJobId"));
        var reopened = (await PartyAsync(party))["screening"]!["hits"]![0]!;
        Assert.Equal("unreviewed", reopened.Str("review"));
    }

    [Fact]
    public async Task A_change_of_names_screens_the_party_again()
    {
        var word = Word();
        var list = await CreateListAsync("watch");
        var (_, v1) = await ImportAsync(list, $"{Header}\nR1,{word} Optics Institute,,,CN,entity,,,,\n");
        await WaitForRescreenAsync(v1.Str("rescreenJobId"));
        var party = await server.CreatePartyAsync($"{Word()} Lens Factory", "CN");
        Assert.Equal("clear", (await PartyAsync(party))["screening"]!.Str("status"));

        var response = await server.Client.PutAsJsonAsync($"/api/v1/parties/{party}/names", new { name = $"{word} Optics Institute", aliases = new[] { "Former lens factory" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hit = (await PartyAsync(party))["screening"]!["hits"]![0]!;
        Assert.Equal(("names changed", "R1"), (hit.Str("trigger"), hit.Str("entryId")));
    }

    [Fact]
    public async Task Screening_a_name_returns_ranked_matches_with_explanations()
    {
        var word = Word();
        var list = await CreateListAsync("military-end-user");
        var (_, v1) = await ImportAsync(list, $"{Header}\nM1,{word} Aerospace Research Institute,,{word} ARI,RU,entity,,,,\nM2,{word} Shipping Lines,,,RU,entity,,,,\n");
        await WaitForRescreenAsync(v1.Str("rescreenJobId"));

        var (status, body) = await Api.PostAsync(server.Client, "/api/v1/screenings", new { name = $"{word} Aerospace Research Inst.", country = "RU" });
        Assert.Equal(HttpStatusCode.OK, status);
        var matches = body["matches"]!.AsArray().Where(m => m!.Str("listId") == list).ToList();
        Assert.Equal("M1", matches[0]!.Str("entryId"));
        var explanation = matches[0]!["explanation"]!;
        Assert.Equal("agrees", explanation.Str("country"));
        Assert.NotEmpty(explanation["pairs"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace(explanation.Str("summary")));

        var (batch, results) = await Api.PostAsync(server.Client, "/api/v1/screenings/batch", new { queries = new[] { new { id = "a", name = $"{word} Shipping Lines", country = "RU" }, new { id = "b", name = "Completely Unrelated Bakery", country = "FR" } } });
        Assert.Equal(HttpStatusCode.OK, batch);
        Assert.Equal("a", results["results"]![0]!.Str("id"));
        Assert.Contains(results["results"]![0]!["matches"]!.AsArray(), m => m!.Str("entryId") == "M2");
        Assert.DoesNotContain(results["results"]![1]!["matches"]!.AsArray(), m => m!.Str("listId") == list);

        var (empty, problem) = await Api.PostAsync(server.Client, "/api/v1/screenings", new { name = " ", country = "RU" });
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Contains("name", problem["errors"]!.AsObject().Select(e => e.Key));
        var (badCountry, _) = await Api.PostAsync(server.Client, "/api/v1/screenings", new { name = "x", country = "ZZZ" });
        Assert.Equal(HttpStatusCode.BadRequest, badCountry);
    }

    [Fact]
    public async Task Control_list_status_reaches_subsidiaries_owned_50_percent_in_aggregate_and_routing_prohibits()
    {
        var word = Word();
        var list = await CreateListAsync("control");
        var (_, v1) = await ImportAsync(list, $"{Header}\nC1,{word} Ordnance Group,,,US,entity,2025-01-02,,Ban on dual-use exports,\nC2,{word} Arms Holdings,,,US,entity,2025-01-02,,Ban on dual-use exports,\n");
        await WaitForRescreenAsync(v1.Str("rescreenJobId"));
        var ordnance = await server.CreatePartyAsync($"{word} Ordnance Group", "US");
        var arms = await server.CreatePartyAsync($"{word} Arms Holdings", "US");
        var exporter = await server.CreatePartyAsync($"{Word()} Magnet Works Co., Ltd.", "CN", ["magnets"], ["exporter"]);
        var subsidiary = await server.CreatePartyAsync($"{Word()} Motion Controls LLC", "US", ["industrial"], ["end-user"], await server.ExporterAsync(exporter));
        Assert.Equal("clear", (await PartyAsync(subsidiary))["screening"]!.Str("status"));

        // 30% + 25%: neither owner alone reaches 50%, together they do (aggregation, as in the 50% rules).
        var owners = await server.ClientAs(Roles.PolicyAdmin);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(owners, $"/api/v1/parties/{subsidiary}/owners", new { ownerId = ordnance, percent = 30 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(owners, $"/api/v1/parties/{subsidiary}/owners", new { ownerId = arms, percent = 25 })).Status);

        var party = await PartyAsync(subsidiary);
        Assert.Contains(party["listedOwnership"]!.AsArray(), l => l!.GetValue<string>().Contains($"{word} Ordnance Group", StringComparison.Ordinal));
        Assert.True(party["militaryTies"]!["linked"]!.GetValue<bool>());

        var (status, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", new
        {
            channel = "individual",
            exporterId = exporter,
            endUserId = subsidiary,
            destination = "US",
            endUse = new { category = "industrial", description = "Servo motors" },
            items = new[] { new { form = "magnet", composition = new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 }, hsCode = "8505.11", quantityKg = 100m, value = 9000m } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("prohibited", filed.Str("lane"));
        Assert.Equal("control-list-party", filed["reasons"]![0]!.Str("rule"));
        Assert.Contains(filed["reasons"]!.AsArray(), r => r!.Str("text").Contains("owned 50% or more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_military_end_user_list_hit_makes_the_end_user_military_linked()
    {
        var word = Word();
        var list = await CreateListAsync("military-end-user");
        var (_, v1) = await ImportAsync(list, $"{Header}\nMEU1,{word} Avionics Plant,,,DE,entity,2025-01-02,,,\n");
        await WaitForRescreenAsync(v1.Str("rescreenJobId"));
        var exporter = await server.CreatePartyAsync($"{Word()} Rare Earth Co., Ltd.", "CN", ["magnets"], ["exporter"]);
        var endUser = await server.CreatePartyAsync($"{word} Avionics Plant", "DE", ["aerospace"], ["end-user"], await server.ExporterAsync(exporter));
        var party = await PartyAsync(endUser);
        Assert.True(party["militaryTies"]!["linked"]!.GetValue<bool>());
        Assert.Contains(party["militaryTies"]!["evidence"]!.AsArray(), e => e!.GetValue<string>().Contains(list, StringComparison.Ordinal) || e.GetValue<string>().Contains("Test list", StringComparison.Ordinal));

        var (_, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", new
        {
            channel = "individual",
            exporterId = exporter,
            endUserId = endUser,
            destination = "DE",
            endUse = new { category = "industrial", description = "Actuators" },
            items = new[] { new { form = "magnet", composition = new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 }, hsCode = "8505.11", quantityKg = 100m, value = 9000m } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        });
        Assert.Equal("presumption-of-denial", filed.Str("lane"));
    }

    [Fact]
    public async Task A_second_instance_screens_against_a_list_imported_on_the_first()
    {
        var word = Word();
        var officer = server.Client;
        await using var second = new LodestoneFactory(server.Database!, seedDemo: false, server.Clock);
        using var otherClient = second.CreateClient();

        // The key ring is shared through the database, so the first instance's token works on the second.
        otherClient.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
        var query = new { name = $"{word} Nuclear Engineering Academy" };
        var (warm, before) = await Api.PostAsync(otherClient, "/api/v1/screenings", query);
        Assert.Equal(HttpStatusCode.OK, warm);
        Assert.Empty(before["matches"]!.AsArray());

        var list = await CreateListAsync("control");
        await ImportAsync(list, $"{Header}\nN1,{word} Nuclear Engineering Academy,,,IR,entity,,,,\n");
        var (_, after) = await Api.PostAsync(otherClient, "/api/v1/screenings", query);
        Assert.Contains(after["matches"]!.AsArray(), m => m!.Str("listId") == list && m!.Str("entryId") == "N1");
    }

    [Fact]
    public async Task Only_policy_admins_import_and_a_list_id_is_a_slug()
    {
        var (status, problem) = await Api.PostAsync(await AdminAsync(), "/api/v1/lists", new { id = "Bad Id!", name = "x", authority = "y", kind = "watch" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id", problem["errors"]!.AsObject().Select(e => e.Key));
        var (badKind, _) = await Api.PostAsync(await AdminAsync(), "/api/v1/lists", new { id = "ok-id", name = "x", authority = "y", kind = "blacklist" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind);
        var (missing, _) = await ImportAsync("no-such-list", $"{Header}\n");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}

public sealed class SqliteScreeningTests(SqliteServer server) : ScreeningTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresScreeningTests(PostgresServerFixture server) : ScreeningTests(server), IClassFixture<PostgresServerFixture>;
