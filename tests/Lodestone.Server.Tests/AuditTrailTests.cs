using System.Net;
using Lodestone.Domain.Audit;
using Lodestone.Persistence;
using Lodestone.Services;
using Lodestone.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Server.Tests;

/// <summary>
/// Every change writes an audit record in its own transaction; direct tampering with the table is
/// detected and the first bad sequence number named. Each test gets a database of its own.
/// </summary>
public abstract class AuditTrailTests(DatabaseKind kind)
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static async Task<string> ActivityAsync(ServerFixture server)
    {
        var exporter = await server.CreatePartyAsync("Baotou Tianhe Magnetics", "CN", ["magnets"], ["exporter"]);
        var endUser = await server.CreatePartyAsync("Example Wind A/S", "DK", ["wind"], ["end-user"], await server.ExporterAsync(exporter));
        var (_, filed) = await Api.PostAsync(await server.ExporterAsync(exporter), "/api/v1/applications", new
        {
            exporterId = exporter,
            endUserId = endUser,
            destination = "DK",
            endUse = new { category = "wind-energy", description = "Direct-drive generators" },
            items = new[] { new { form = "magnet", composition = new { Nd = 27, Dy = 4, Fe = 68, B = 1 }, quantityKg = 30000, value = 2400000 } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        });
        return filed.Str("id");
    }

    private static async Task<AuditVerification> VerifyAsync(ServerFixture server)
    {
        var (status, body) = await Api.GetAsync(await server.ClientAs(Services.Roles.Auditor), "/api/v1/audit/verify");
        Assert.Equal(HttpStatusCode.OK, status);
        return System.Text.Json.JsonSerializer.Deserialize<AuditVerification>(body.ToJsonString(), Web)!;
    }

    private static async Task SqlAsync(ServerFixture server, string sql)
    {
        using var scope = server.Factory!.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<LodestoneDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<IsolatedServer> StartAsync(string? keyFile = null)
    {
        var server = new IsolatedServer(kind, keyFile);
        await server.InitializeAsync();
        _ = server.Client; // skips the test when this database is not available
        return server;
    }

    [Fact]
    public async Task Every_change_is_recorded_and_the_chain_verifies()
    {
        await using var server = await StartAsync();
        var id = await ActivityAsync(server);
        var auditor = await server.ClientAs(Services.Roles.Auditor);
        var (_, page) = await Api.GetAsync(auditor, $"/api/v1/audit?entityId={id}");
        var entries = page["items"]!.AsArray();
        Assert.Equal(["application.filed"], entries.Select(i => i!.Str("action")));
        Assert.StartsWith("exporter-", entries[0]!.Str("actor"), StringComparison.Ordinal);

        var (_, all) = await Api.GetAsync(auditor, "/api/v1/audit?pageSize=500");
        var allActions = all["items"]!.AsArray().Select(i => i!.Str("action")).ToList();
        Assert.Contains("policy.loaded", allActions);
        Assert.Contains("account.created", allActions);
        Assert.Contains("account.role-granted", allActions);
        Assert.Equal(2, allActions.Count(a => a == "party.registered"));
        Assert.DoesNotContain(all["items"]!.AsArray(), i => (i!["after"]?.GetValue<string>() ?? string.Empty).Contains("PasswordHash", StringComparison.Ordinal));

        var result = await VerifyAsync(server);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(all["total"]!.GetValue<int>(), result.Records);
    }

    public static TheoryData<string, string, long> Tamperings => new()
    {
        { "update", """UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "Seq" = 3""", 3 },
        { "delete", """DELETE FROM "AuditEvents" WHERE "Seq" = 2""", 2 },
        { "reorder", """UPDATE "AuditEvents" SET "Seq" = -1 WHERE "Seq" = 2; UPDATE "AuditEvents" SET "Seq" = 2 WHERE "Seq" = 3; UPDATE "AuditEvents" SET "Seq" = 3 WHERE "Seq" = -1""", 2 },
        { "insert", """INSERT INTO "AuditEvents" ("Seq", "At", "Actor", "OrganisationId", "Action", "EntityType", "EntityId", "Before", "After", "PrevHash", "Hash") SELECT "Seq" + 1, "At", 'mallory', NULL, 'licence.issued', 'Licence', 'forged', NULL, 'forged', "Hash", "Hash" FROM "AuditEvents" WHERE "Seq" = (SELECT MAX("Seq") FROM "AuditEvents")""", -1 },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Direct_tampering_is_detected_at_its_sequence_number(string kindOfTampering, string sql, long firstBad)
    {
        await using var server = await StartAsync();
        await ActivityAsync(server);
        Assert.True((await VerifyAsync(server)).Ok);

        var head = (await VerifyAsync(server)).Records;
        await SqlAsync(server, sql);
        var result = await VerifyAsync(server);
        Assert.False(result.Ok, kindOfTampering);
        Assert.Equal(firstBad == -1 ? head + 1 : firstBad, result.FirstBadSeq);
    }

    [Fact]
    public async Task A_full_rehash_is_detected_by_the_signed_checkpoint()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"lodestone-audit-{Guid.NewGuid():N}.pem");
        try
        {
            await using var server = await StartAsync(keyFile);
            await ActivityAsync(server);
            await server.ClientAs(Services.Roles.Auditor); // its account is recorded before the checkpoint
            long checkpointSeq;
            using (var scope = server.Factory!.Services.CreateScope())
            {
                var (checkpoint, created) = await scope.ServiceProvider.GetRequiredService<AuditService>().CheckpointAsync(CancellationToken.None);
                Assert.True(created);
                checkpointSeq = checkpoint.Seq;
            }

            var before = await VerifyAsync(server);
            Assert.True(before.Ok, before.Problem);
            Assert.Equal(1, before.CheckpointsVerified);

            // An attacker with write access rewrites record 2 and recomputes every hash after it.
            using (var scope = server.Factory!.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LodestoneDbContext>();
                var records = await db.AuditEvents.AsNoTracking().OrderBy(r => r.Seq).ToListAsync();
                var (seq, hash) = (0L, AuditRecord.Genesis);
                foreach (var r in records)
                {
                    var forged = AuditRecord.Next(seq, hash, r.At, r.Seq == 2 ? "mallory" : r.Actor, r.OrganisationId, r.Action, r.EntityType, r.EntityId, r.Before, r.After);
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEvents\" SET \"Actor\" = {forged.Actor}, \"PrevHash\" = {forged.PrevHash}, \"Hash\" = {forged.Hash} WHERE \"Seq\" = {forged.Seq}");
                    (seq, hash) = (forged.Seq, forged.Hash);
                }

                // ...and moves the head along, so that only the signed checkpoint can tell.
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditHead\" SET \"Hash\" = {hash} WHERE \"Id\" = 1");
            }

            var after = await VerifyAsync(server);
            Assert.False(after.Ok);
            Assert.Equal(checkpointSeq, after.FirstBadSeq);
            Assert.Contains("rewritten", after.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task Fifty_concurrent_decisions_one_wins_49_conflict_and_one_audit_record()
    {
        await using var server = await StartAsync();
        var id = await ActivityAsync(server);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Api.PostAsync(server.Client, $"/api/v1/applications/{id}/decision", new { outcome = i % 2 == 0 ? "approved" : "denied", reason = $"officer {i}" })));

        Assert.True(results.All(r => r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict), string.Join("; ", results.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Select(r => $"{r.Status}: {r.Body.ToJsonString()}").Distinct()));
        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(49, results.Count(r => r.Status == HttpStatusCode.Conflict));

        var (_, page) = await Api.GetAsync(await server.ClientAs(Services.Roles.Auditor), $"/api/v1/audit?entityId={id}");
        var decisions = page["items"]!.AsArray().Select(i => i!.Str("action")).Where(a => a is "application.approved" or "application.denied").ToList();
        Assert.Single(decisions);
        Assert.True((await VerifyAsync(server)).Ok);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_nothing_new()
    {
        await using var server = await StartAsync();
        async Task<(HttpStatusCode Status, string Body)> PostAsync(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { name, country = "DE", sectors = new[] { "automotive" } }),
            };
            request.Headers.Add("Idempotency-Key", "create-party-1");
            var response = await server.Client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var first = await PostAsync("Retry Motors GmbH");
        var retry = await PostAsync("Retry Motors GmbH");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.Created, first.Body), (retry.Status, retry.Body));
        var (_, parties) = await Api.GetAsync(server.Client, "/api/v1/parties?search=Retry");
        Assert.Single(parties.AsArray());

        var different = await PostAsync("Other Motors GmbH");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.Status);
    }
}

public sealed class SqliteAuditTrailTests() : AuditTrailTests(DatabaseKind.Sqlite);

public sealed class PostgresAuditTrailTests() : AuditTrailTests(DatabaseKind.Postgres);
