using System.Net;
using Lodestone.Persistence;
using Lodestone.Services;
using Lodestone.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Server.Tests;

/// <summary>An exporter of organisation B gets 404 for organisation A's records, and listings show only its own (ASVS 8.4.1, API1).</summary>
public abstract class IsolationTests(ServerFixture server)
{
    [Fact]
    public async Task Another_organisation_sees_none_of_A_s_records()
    {
        var exporterA = await server.CreatePartyAsync("Exporter A Co., Ltd.", "CN", ["magnets"], ["exporter"]);
        var exporterB = await server.CreatePartyAsync("Exporter B Co., Ltd.", "CN", ["magnets"], ["exporter"]);
        var a = await server.ExporterAsync(exporterA);
        var b = await server.ExporterAsync(exporterB);
        var customerOfA = await server.CreatePartyAsync("Customer of A GmbH", "DE", ["automotive"], ["end-user"], a);
        var owner = await server.CreatePartyAsync("Holding of the customer AG", "DE", ["industrial"]);
        await Api.PostAsync(server.Client, $"/api/v1/parties/{customerOfA}/owners", new { ownerId = owner, percent = 60 });
        var (_, filed) = await Api.PostAsync(a, "/api/v1/applications", new
        {
            exporterId = exporterA,
            endUserId = customerOfA,
            destination = "DE",
            endUse = new { category = "automotive", description = "EV motors" },
            items = new[] { new { form = "magnet", composition = new { Nd = 29, Dy = 1, Fe = 69, B = 1 }, quantityKg = 100, value = 9000 } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        });
        var id = filed.Str("id");
        var (_, licence) = await Api.PostAsync(server.Client, $"/api/v1/applications/{id}/decision", new { outcome = "approved", reason = "ok" });

        // A sees its application, licence and customer.
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(a, $"/api/v1/applications/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(a, $"/api/v1/licences/{licence.Str("id")}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(a, $"/api/v1/parties/{customerOfA}")).Status);

        // B gets 404 for every one of them, by id, by page and in listings.
        foreach (var url in new[] { $"/api/v1/applications/{id}", $"/api/v1/licences/{licence.Str("id")}", $"/api/v1/parties/{customerOfA}", $"/api/v1/parties/{exporterA}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(b, url)).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(b, $"/api/v1/applications/{id}/withdraw", new { reason = "sabotage" })).Status);
        var (_, listed) = await Api.GetAsync(b, "/api/v1/applications?pageSize=200");
        Assert.Equal(0, listed["total"]!.GetValue<int>());
        var (_, parties) = await Api.GetAsync(b, "/api/v1/parties");
        Assert.Equal([exporterB.ToString()], parties.AsArray().Select(p => p!.Str("id")));

        // A sees its customer but not the customer's owner, which it never registered or traded with.
        var (_, customer) = await Api.GetAsync(a, $"/api/v1/parties/{customerOfA}");
        Assert.Empty(customer["owners"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(a, $"/api/v1/parties/{owner}")).Status);

        // B cannot file for A's customer: to B that party does not exist.
        var (hiddenStatus, hidden) = await Api.PostAsync(b, "/api/v1/applications", new
        {
            exporterId = exporterB,
            endUserId = customerOfA,
            destination = "DE",
            endUse = new { category = "automotive", description = "x" },
            items = new[] { new { form = "magnet", composition = new { Nd = 30 }, quantityKg = 1, value = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, hiddenStatus);
        Assert.NotNull(hidden["errors"]!["endUserId"]);

        // B cannot file in A's name.
        var (status, problem) = await Api.PostAsync(b, "/api/v1/applications", new
        {
            exporterId = exporterA,
            endUserId = customerOfA,
            destination = "DE",
            endUse = new { category = "automotive", description = "x" },
            items = new[] { new { form = "magnet", composition = new { Nd = 30 }, quantityKg = 1, value = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["exporterId"]);

        // The end user named in A's application sees it; the authority sees everything.
        var endUser = await server.ClientAs(Roles.EndUser, customerOfA);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(endUser, $"/api/v1/applications/{id}")).Status);
    }
}

public sealed class SqliteIsolationTests(SqliteServer server) : IsolationTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresIsolationTests(PostgresServerFixture server) : IsolationTests(server), IClassFixture<PostgresServerFixture>;

/// <summary>Lockout, sign-in rate limits and demo accounts in production.</summary>
public sealed class SignInTests
{
    private static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { email, password }));

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await using var server = new IsolatedServer(DatabaseKind.Sqlite);
        await server.InitializeAsync();
        using (var scope = server.Factory!.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("lock@lodestone.test", Roles.Officer, null, "right-password-1234");
        }

        var client = server.Anonymous;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "lock@lodestone.test", "wrong-password")).StatusCode);
        }

        var locked = await TokenAsync(client, "lock@lodestone.test", "right-password-1234");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_with_429_and_Retry_After()
    {
        await using var server = new IsolatedServer(DatabaseKind.Sqlite, settings: new Dictionary<string, string?> { ["Lodestone:SignInPermitsPerMinute"] = "3" });
        await server.InitializeAsync();
        var client = server.Anonymous;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, "nobody@lodestone.test", "whatever-password")).StatusCode);
        }

        var limited = await TokenAsync(client, "nobody@lodestone.test", "whatever-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Demo_accounts_are_refused_in_production()
    {
        await using var server = new IsolatedServer(DatabaseKind.Sqlite, environment: "Production");
        await server.InitializeAsync();
        using (var scope = server.Factory!.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("auditor@demo.lodestone.test", Roles.Auditor, null, AccountService.DemoPassword(Roles.Auditor), isDemo: true);
        }

        var refused = await TokenAsync(server.Anonymous, "auditor@demo.lodestone.test", AccountService.DemoPassword(Roles.Auditor));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Demo accounts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(server.Anonymous, "admin@lodestone.test", LodestoneFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_API_calls_get_401_without_a_redirect_or_a_stack_trace()
    {
        await using var server = new IsolatedServer(DatabaseKind.Sqlite);
        await server.InitializeAsync();
        var response = await server.Anonymous.GetAsync("/api/v1/applications");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
