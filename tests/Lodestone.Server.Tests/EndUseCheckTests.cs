using System.Net;
using System.Text.Json.Nodes;
using Lodestone.Services;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>
/// End-use checks over HTTP on both databases: the deadline that guards non-cooperation, the watch list it
/// leads to (a new list version, re-screening, the enhanced lane), removal after a verified follow-up, a
/// violation's control-list proposal confirmed (prohibited lane) or rejected (list unchanged), bad input and access.
/// Tests move the server's clock forward only, each from wherever it stands.
/// </summary>
public abstract class EndUseCheckTests(ServerFixture server)
{
    private static object Filing(Guid exporter, Guid endUser) => new
    {
        channel = "individual",
        exporterId = exporter,
        endUserId = endUser,
        destination = "DE",
        endUse = new { category = "automotive", description = "EV traction motors" },
        items = new[] { new { form = "magnet", composition = new Dictionary<string, decimal> { ["Nd"] = 29, ["Dy"] = 0.8m, ["Fe"] = 69, ["B"] = 1 }, hsCode = "8505.11", quantityKg = 100m, value = 5000m } },
        documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
    };

    private static object Check(Guid party, string kind = "document", int? workingDays = null, object? deadline = null, string role = "end-user") =>
        new { kind, partyId = party, role, reason = "Diversion to a third country suspected", workingDays, deadline };

    private async Task<(Guid Exporter, Guid EndUser, string Name)> PartiesAsync()
    {
        var exporter = await server.CreatePartyAsync($"Magnets {Guid.NewGuid():N}", "CN", ["magnets"], ["exporter"]);
        var name = $"Antriebswerk {Guid.NewGuid():N}";
        var endUser = await server.CreatePartyAsync(name, "DE", ["automotive"], ["end-user"], await server.ExporterAsync(exporter));
        return (exporter, endUser, name);
    }

    private async Task<JsonNode> OpenAsync(object request)
    {
        var (status, body) = await Api.PostAsync(server.Client, "/api/v1/end-use-checks", request);
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    private static async Task<JsonNode> StepAsync(HttpClient client, string id, string step, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, answer) = await Api.PostAsync(client, $"/api/v1/end-use-checks/{id}/{step}", body);
        Assert.True(status == expected, $"{step}: {status} {answer.ToJsonString()}");
        return answer;
    }

    private async Task<int> VersionAsync(string listId)
    {
        var (status, list) = await Api.GetAsync(server.Client, $"/api/v1/lists/{listId}");
        return status == HttpStatusCode.NotFound ? 0 : list["currentVersion"]!.GetValue<int>();
    }

    private async Task<JsonArray> EntriesAsync(string listId, string name) =>
        (await Api.GetAsync(server.Client, $"/api/v1/lists/{listId}/entries?search={Uri.EscapeDataString(name)}")).Body["items"]!.AsArray();

    private async Task WaitForRescreeningAsync()
    {
        for (var i = 0; i < 120; i++)
        {
            var (_, jobs) = await Api.GetAsync(server.Client, "/api/v1/screening/jobs");
            if (jobs.AsArray().All(j => j!.Str("status") == "done"))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("Re-screening did not finish.");
    }

    private async Task<JsonNode> FileAsync(Guid exporter, Guid endUser)
    {
        var (status, body) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", Filing(exporter, endUser));
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    private static IEnumerable<string> Rules(JsonNode application) => application["reasons"]!.AsArray().Select(r => r!["rule"]?.GetValue<string>() ?? string.Empty);

    [Fact]
    public async Task Non_cooperation_is_refused_until_the_deadline_passes_then_the_party_goes_on_the_watch_list_and_routes_enhanced()
    {
        var (exporter, endUser, name) = await PartiesAsync();
        var opened = await OpenAsync(Check(endUser, workingDays: 2));
        var id = opened.Str("id");
        Assert.Equal(("open", "document", false), (opened.Str("status"), opened.Str("kind"), opened["overdue"]!.GetValue<bool>()));
        await StepAsync(server.Client, id, "documents-requested", new { note = "End-user certificate and sales ledger" });
        var early = await StepAsync(server.Client, id, "non-cooperation", new { findings = "No answer" }, HttpStatusCode.Conflict);
        Assert.Contains("non-cooperation can be recorded from", early.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("documents-requested", (await Api.GetAsync(server.Client, $"/api/v1/end-use-checks/{id}")).Body.Str("status"));

        // The day after the deadline, in Beijing.
        var deadline = DateOnly.Parse(opened.Str("deadline"), System.Globalization.CultureInfo.InvariantCulture);
        var target = new DateTimeOffset(deadline.AddDays(1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        await server.AdvanceClockAsync(target - server.Clock.GetUtcNow());
        var before = await VersionAsync("cn-watch");
        var watched = await StepAsync(server.Client, id, "non-cooperation", new { findings = "No documents and no answer by the deadline" });
        Assert.Equal("non-cooperative", watched.Str("status"));
        Assert.Contains($"Put on cn-watch in version {before + 1}", watched["history"]!.AsArray()[^1]!.Str("note"), StringComparison.Ordinal);

        var (_, list) = await Api.GetAsync(server.Client, "/api/v1/lists/cn-watch");
        Assert.Equal(("watch", before + 1), (list.Str("kind"), list["currentVersion"]!.GetValue<int>()));
        var (_, version) = await Api.GetAsync(server.Client, $"/api/v1/lists/cn-watch/versions/{before + 1}");
        Assert.Equal("manual", version.Str("format"));
        Assert.Contains(opened.Str("number"), version.Str("fileName"), StringComparison.Ordinal);
        var added = Assert.Single(version["changes"]!.AsArray())!;
        Assert.Equal(("added", name), (added.Str("change"), added.Str("name")));
        var entry = Assert.Single(await EntriesAsync("cn-watch", name))!;
        Assert.Contains(opened.Str("number"), entry.Str("measures"), StringComparison.Ordinal);

        // Re-screening raises the hit; a new application naming the party loses the 45-day limit (art. 26).
        await WaitForRescreeningAsync();
        var filed = await FileAsync(exporter, endUser);
        Assert.Equal("enhanced", filed.Str("lane"));
        Assert.Contains("watch-list-party", Rules(filed));
        Assert.Null(filed["dueDate"]);

        // A verified follow-up check takes the party off the watch list as a further version.
        var followUp = await OpenAsync(Check(endUser, kind: "on-site"));
        var verified = await StepAsync(server.Client, followUp.Str("id"), "verified", new { findings = "Magnets found in the declared motors" });
        Assert.Equal("verified", verified.Str("status"));
        Assert.Equal(before + 2, await VersionAsync("cn-watch"));
        Assert.Empty(await EntriesAsync("cn-watch", name));
        Assert.Equal("removed", Assert.Single((await Api.GetAsync(server.Client, $"/api/v1/lists/cn-watch/versions/{before + 2}")).Body["changes"]!.AsArray())!.Str("change"));
    }

    [Fact]
    public async Task A_violation_proposes_the_control_list_and_a_policy_admins_confirmation_prohibits_new_applications()
    {
        var (exporter, endUser, name) = await PartiesAsync();
        var check = await OpenAsync(Check(endUser, kind: "on-site"));
        var violation = await StepAsync(server.Client, check.Str("id"), "violation", new { findings = "Magnets installed in missile-fin actuators" });
        Assert.Equal(("violation", "pending", "cn-export-control"), (violation.Str("status"), violation["proposal"]!.Str("status"), violation["proposal"]!.Str("listId")));
        var proposal = violation["proposal"]!.Str("id");
        var (_, pending) = await Api.GetAsync(server.Client, "/api/v1/list-proposals?status=pending");
        Assert.Contains(pending.AsArray(), p => p!.Str("id") == proposal && p!.Str("grounds") == "Magnets installed in missile-fin actuators");

        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(server.Client, $"/api/v1/list-proposals/{proposal}/confirm", new { })).Status);
        var admin = await server.ClientAs(Roles.PolicyAdmin);
        var before = await VersionAsync("cn-export-control");
        var (status, confirmed) = await Api.PostAsync(admin, $"/api/v1/list-proposals/{proposal}/confirm", new { reason = "Breach of the end-use commitment (art. 24)" });
        Assert.True(status == HttpStatusCode.OK, confirmed.ToJsonString());
        Assert.Equal(("confirmed", before + 1), (confirmed.Str("status"), confirmed["listVersion"]!.GetValue<int>()));
        Assert.Equal(before + 1, await VersionAsync("cn-export-control"));
        Assert.Contains(check.Str("number"), Assert.Single(await EntriesAsync("cn-export-control", name))!.Str("measures"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, $"/api/v1/list-proposals/{proposal}/confirm", new { })).Status);
        var history = (await Api.GetAsync(server.Client, $"/api/v1/end-use-checks/{check.Str("id")}")).Body["history"]!.AsArray();
        Assert.Contains($"in version {before + 1}", history[^1]!.Str("note"), StringComparison.Ordinal);

        await WaitForRescreeningAsync();
        var filed = await FileAsync(exporter, endUser);
        Assert.Equal("prohibited", filed.Str("lane"));
        Assert.Contains("control-list-party", Rules(filed));
    }

    [Fact]
    public async Task A_rejected_proposal_leaves_the_control_list_unchanged()
    {
        var (exporter, endUser, name) = await PartiesAsync();
        var check = await OpenAsync(Check(endUser, kind: "document", role: "end-user"));
        await StepAsync(server.Client, check.Str("id"), "documents-requested", new { note = "Installation photos" });
        var proposal = (await StepAsync(server.Client, check.Str("id"), "violation", new { findings = "Photos show a different plant" }))["proposal"]!.Str("id");
        var before = await VersionAsync("cn-export-control");
        var admin = await server.ClientAs(Roles.PolicyAdmin);

        var (noReason, problem) = await Api.PostAsync(admin, $"/api/v1/list-proposals/{proposal}/reject", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Equal("reason", problem["errors"]!.AsObject().Single().Key);
        var (_, rejected) = await Api.PostAsync(admin, $"/api/v1/list-proposals/{proposal}/reject", new { reason = "The second plant is the declared end user's own" });
        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Null(rejected["listVersion"]);
        Assert.Equal(before, await VersionAsync("cn-export-control"));
        Assert.Empty(await EntriesAsync("cn-export-control", name));
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, $"/api/v1/list-proposals/{proposal}/confirm", new { })).Status);
        Assert.Equal("standard", (await FileAsync(exporter, endUser)).Str("lane"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_illegal_steps_are_409()
    {
        var (_, endUser, _) = await PartiesAsync();
        async Task<string> FieldAsync(string url, object body)
        {
            var (status, problem) = await Api.PostAsync(server.Client, url, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{url}: {status} {problem.ToJsonString()}");
            return problem["errors"]!.AsObject().Single().Key;
        }

        Assert.Equal("kind", await FieldAsync("/api/v1/end-use-checks", Check(endUser, kind: "phone")));
        Assert.Equal("role", await FieldAsync("/api/v1/end-use-checks", Check(endUser, role: "exporter")));
        Assert.Equal("partyId", await FieldAsync("/api/v1/end-use-checks", Check(Guid.NewGuid())));
        Assert.Equal("workingDays", await FieldAsync("/api/v1/end-use-checks", Check(endUser, workingDays: 0)));
        Assert.Equal("deadline", await FieldAsync("/api/v1/end-use-checks", Check(endUser, deadline: "2020-01-01")));
        Assert.Equal("licenceId", await FieldAsync("/api/v1/end-use-checks", new { kind = "document", partyId = endUser, role = "end-user", reason = "r", licenceId = Guid.NewGuid() }));
        Assert.Equal("reason", await FieldAsync("/api/v1/end-use-checks", new { kind = "document", partyId = endUser, role = "end-user" }));

        var id = (await OpenAsync(Check(endUser))).Str("id");
        Assert.Equal("note", await FieldAsync($"/api/v1/end-use-checks/{id}/documents-requested", new { note = " " }));
        await StepAsync(server.Client, id, "verified", new { findings = "ok" }, HttpStatusCode.Conflict); // a document check asks first
        await StepAsync(server.Client, id, "documents-requested", new { note = "EUC" });
        Assert.Equal("findings", await FieldAsync($"/api/v1/end-use-checks/{id}/verified", new { }));
        await StepAsync(server.Client, id, "documents-requested", new { note = "again" }, HttpStatusCode.Conflict);
        await StepAsync(server.Client, id, "verified", new { findings = "In order" });
        await StepAsync(server.Client, id, "violation", new { findings = "late" }, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(server.Client, $"/api/v1/end-use-checks/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.GetAsync(server.Client, "/api/v1/end-use-checks?status=closed")).Status);
    }

    [Fact]
    public async Task Officers_run_checks_auditors_and_policy_admins_read_them_and_the_parties_never_see_them()
    {
        var (exporter, endUser, _) = await PartiesAsync();
        var id = (await OpenAsync(Check(endUser))).Str("id");
        foreach (var reader in new[] { Roles.Auditor, Roles.PolicyAdmin })
        {
            var client = await server.ClientAs(reader);
            Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(client, $"/api/v1/end-use-checks/{id}")).Status);
            Assert.Contains((await Api.GetAsync(client, "/api/v1/end-use-checks")).Body.AsArray(), c => c!.Str("id") == id);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(client, $"/api/v1/end-use-checks/{id}/documents-requested", new { note = "x" })).Status);
        }

        var endUserClient = await server.ClientAs(Roles.EndUser, endUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(endUserClient, $"/api/v1/end-use-checks/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(await server.ExporterAsync(exporter), "/api/v1/end-use-checks")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(endUserClient, "/api/v1/list-proposals")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(server.Anonymous, "/api/v1/end-use-checks")).Status);

        var page = await (await server.ClientAs(Roles.Auditor)).GetStringAsync($"/checks/{id}");
        Assert.Contains("Diversion to a third country suspected", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"request-documents\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"request-documents\"", await server.Client.GetStringAsync($"/checks/{id}"), StringComparison.Ordinal);
    }
}

public sealed class SqliteEndUseCheckTests(SqliteServer server) : EndUseCheckTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresEndUseCheckTests(PostgresServerFixture server) : EndUseCheckTests(server), IClassFixture<PostgresServerFixture>;
