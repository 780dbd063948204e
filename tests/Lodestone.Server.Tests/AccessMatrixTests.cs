using System.Net;
using System.Text.RegularExpressions;
using Lodestone.Services;
using Lodestone.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Server.Tests;

/// <summary>
/// Every endpoint, taken from the routing metadata, × every role and anonymous: allowed roles get
/// through, other roles get 403, anonymous callers 401 (API) or the sign-in page (UI), never data.
/// An endpoint missing from the matrix fails the test, so a new endpoint cannot ship unguarded
/// (OWASP ASVS 8.2.1, API5).
/// </summary>
public abstract partial class AccessMatrixTests(ServerFixture server)
{
    private const string Anyone = "*";
    private const string Public = "anonymous";

    private static readonly string[] Read = [Roles.Exporter, Roles.EndUser, Roles.Officer, Roles.Committee, Roles.PolicyAdmin, Roles.Auditor];

    /// <summary>A VEU is visible to its organisations, officers, the committee and auditors; not to policy administrators or analysts.</summary>
    private static readonly string[] VeuReaders = [Roles.Exporter, Roles.EndUser, Roles.Officer, Roles.Committee, Roles.Auditor];

    /// <summary>End-use checks and list proposals: the authority's officers, policy administrators and auditors; never the checked parties.</summary>
    private static readonly string[] CheckReaders = [Roles.Officer, Roles.PolicyAdmin, Roles.Auditor];

    /// <summary>Aggregates of export flows: analysts (who see nothing finer), officers, policy administrators, auditors.</summary>
    private static readonly string[] AnalyticsReaders = [Roles.Analyst, Roles.Officer, Roles.PolicyAdmin, Roles.Auditor];

    /// <summary>Who may call each endpoint. "*" is any signed-in account; "anonymous" is everyone.</summary>
    private static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["POST /api/v1/auth/token"] = [Public],
        ["POST /api/v1/parties/"] = [Roles.Exporter, Roles.Officer, Roles.PolicyAdmin],
        ["GET /api/v1/parties/"] = Read,
        ["GET /api/v1/parties/{id:guid}"] = Read,
        ["POST /api/v1/parties/{id:guid}/owners"] = [Roles.Officer, Roles.PolicyAdmin],
        ["PUT /api/v1/parties/{id:guid}/names"] = [Roles.Officer, Roles.PolicyAdmin],
        ["POST /api/v1/classifications/"] = [Anyone],
        ["POST /api/v1/applications/"] = [Roles.Exporter],
        ["GET /api/v1/applications/"] = Read,
        ["GET /api/v1/applications/{id:guid}"] = Read,
        ["POST /api/v1/applications/{id:guid}/clock-stops"] = [Roles.Officer],
        ["POST /api/v1/applications/{id:guid}/clock-stops/resume"] = [Roles.Officer],
        ["POST /api/v1/applications/{id:guid}/decision"] = [Roles.Officer],
        ["POST /api/v1/applications/{id:guid}/withdraw"] = [Roles.Exporter],
        ["GET /api/v1/licences/"] = Read,
        ["GET /api/v1/licences/{id:guid}"] = Read,
        ["POST /api/v1/licences/{id:guid}/suspend"] = [Roles.Officer],
        ["POST /api/v1/licences/{id:guid}/reinstate"] = [Roles.Officer],
        ["POST /api/v1/licences/{id:guid}/revoke"] = [Roles.Officer],
        ["POST /api/v1/licences/{id:guid}/surrender"] = [Roles.Exporter],
        ["GET /api/v1/licences/{id:guid}/changes"] = Read,
        ["POST /api/v1/licences/{id:guid}/changes"] = [Roles.Exporter],
        ["POST /api/v1/licences/{id:guid}/changes/{changeId:guid}/decision"] = [Roles.Officer],
        ["GET /api/v1/analytics/exports"] = AnalyticsReaders,
        ["GET /api/v1/analytics/exports.csv"] = AnalyticsReaders,
        ["GET /api/v1/analytics/movements"] = AnalyticsReaders,
        ["GET /api/v1/analytics/movements.csv"] = AnalyticsReaders,
        ["GET /api/v1/analytics/decisions"] = AnalyticsReaders,
        ["GET /api/v1/analytics/decisions.csv"] = AnalyticsReaders,
        ["GET /api/v1/analytics/processing-times"] = AnalyticsReaders,
        ["GET /api/v1/analytics/processing-times.csv"] = AnalyticsReaders,
        ["POST /api/v1/analytics/replays"] = AnalyticsReaders,
        ["POST /api/v1/shipments/"] = [Roles.Exporter],
        ["GET /api/v1/shipments/"] = Read,
        ["GET /api/v1/shipments/{id:guid}"] = Read,
        ["POST /api/v1/shipments/{id:guid}/release"] = [Roles.Officer],
        ["POST /api/v1/shipments/{id:guid}/refuse"] = [Roles.Officer],
        ["POST /api/v1/shipments/{id:guid}/reports"] = [Roles.Exporter],
        ["GET /api/v1/reports/"] = Read,
        ["GET /api/v1/control-list"] = [Anyone],
        ["GET /api/v1/policy"] = [Anyone],
        ["GET /api/v1/audit/"] = [Roles.Auditor],
        ["GET /api/v1/audit/verify"] = [Roles.Auditor],
        ["POST /api/v1/screenings/"] = [Anyone],
        ["POST /api/v1/screenings/batch"] = [Anyone],
        ["GET /api/v1/screening/hits/"] = [Roles.Officer, Roles.PolicyAdmin, Roles.Auditor],
        ["POST /api/v1/screening/hits/{id:guid}/confirm"] = [Roles.Officer],
        ["POST /api/v1/screening/hits/{id:guid}/clear"] = [Roles.Officer],
        ["GET /api/v1/screening/jobs"] = [Roles.Officer, Roles.PolicyAdmin, Roles.Auditor],
        ["GET /api/v1/lists/"] = [Anyone],
        ["POST /api/v1/lists/"] = [Roles.PolicyAdmin],
        ["GET /api/v1/lists/{id}"] = [Anyone],
        ["GET /api/v1/lists/{id}/versions"] = [Anyone],
        ["GET /api/v1/lists/{id}/versions/{number:int}"] = [Anyone],
        ["GET /api/v1/lists/{id}/entries"] = [Anyone],
        ["POST /api/v1/lists/{id}/versions"] = [Roles.PolicyAdmin],
        ["GET /api/v1/veu/register"] = [Public],
        ["GET /api/v1/veu/register.csv"] = [Public],
        ["POST /api/v1/veu/"] = [Roles.Exporter, Roles.EndUser],
        ["GET /api/v1/veu/"] = VeuReaders,
        ["GET /api/v1/veu/{id:guid}"] = VeuReaders,
        ["POST /api/v1/veu/{id:guid}/vetting"] = [Roles.Officer],
        ["POST /api/v1/veu/{id:guid}/information-requests"] = [Roles.Officer],
        ["POST /api/v1/veu/{id:guid}/information"] = [Roles.Exporter, Roles.EndUser, Roles.Officer],
        ["POST /api/v1/veu/{id:guid}/votes"] = [Roles.Committee],
        ["POST /api/v1/veu/{id:guid}/suspend"] = [Roles.Officer],
        ["POST /api/v1/veu/{id:guid}/reinstate"] = [Roles.Officer],
        ["POST /api/v1/veu/{id:guid}/revoke"] = [Roles.Committee],
        ["POST /api/v1/end-use-checks/"] = [Roles.Officer],
        ["GET /api/v1/end-use-checks/"] = CheckReaders,
        ["GET /api/v1/end-use-checks/{id:guid}"] = CheckReaders,
        ["POST /api/v1/end-use-checks/{id:guid}/documents-requested"] = [Roles.Officer],
        ["POST /api/v1/end-use-checks/{id:guid}/verified"] = [Roles.Officer],
        ["POST /api/v1/end-use-checks/{id:guid}/non-cooperation"] = [Roles.Officer],
        ["POST /api/v1/end-use-checks/{id:guid}/violation"] = [Roles.Officer],
        ["GET /api/v1/list-proposals/"] = CheckReaders,
        ["POST /api/v1/list-proposals/{id:guid}/confirm"] = [Roles.PolicyAdmin],
        ["POST /api/v1/list-proposals/{id:guid}/reject"] = [Roles.PolicyAdmin],
        ["GET /openapi/{documentName}.json"] = [Public],
        ["ANY /health"] = [Public],
        ["PAGE /"] = Read,
        ["PAGE /applications/new"] = [Roles.Exporter],
        ["PAGE /applications/{id:guid}"] = Read,
        ["PAGE /licences"] = Read,
        ["PAGE /licences/{id:guid}"] = Read,
        ["PAGE /analytics"] = AnalyticsReaders,
        ["PAGE /analytics/what-if"] = AnalyticsReaders,
        ["PAGE /shipments"] = Read,
        ["PAGE /shipments/new"] = [Roles.Exporter],
        ["PAGE /shipments/{id:guid}"] = Read,
        ["PAGE /shipments/holds"] = [Roles.Officer],
        ["PAGE /reports"] = Read,
        ["PAGE /parties/{id:guid}"] = Read,
        ["PAGE /control-list"] = [Anyone],
        ["PAGE /classify"] = [Anyone],
        ["PAGE /audit"] = [Roles.Auditor],
        ["PAGE /screening"] = [Anyone],
        ["PAGE /screening/hits"] = [Roles.Officer, Roles.PolicyAdmin, Roles.Auditor],
        ["PAGE /lists"] = [Anyone],
        ["PAGE /lists/{id}"] = [Anyone],
        ["PAGE /lists/{id}/versions/{number}"] = [Anyone],
        ["PAGE /veu"] = VeuReaders,
        ["PAGE /veu/new"] = [Roles.Exporter, Roles.EndUser],
        ["PAGE /veu/{id:guid}"] = VeuReaders,
        ["PAGE /veu/register"] = [Public],
        ["PAGE /checks"] = CheckReaders,
        ["PAGE /checks/{id:guid}"] = CheckReaders,
        ["PAGE /checks/proposals"] = CheckReaders,
        ["PAGE /account/login"] = [Public],
        ["PAGE /account/logout"] = [Public],
        ["PAGE /account/denied"] = [Public],
    };

    private List<(string Key, string Method, string Path)> Endpoints()
    {
        _ = server.Anonymous; // skips when this database is not available here
        var sources = server.Factory!.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var found = new List<(string Key, string Method, string Path)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (raw.StartsWith("/api-docs", StringComparison.Ordinal))
            {
                continue; // the API reference UI: static assets of the public OpenAPI document
            }

            var isPage = endpoint.Metadata.Any(m => m is CompiledPageActionDescriptor);
            if (isPage)
            {
                var path = raw == "/Index" ? "/" : raw;
                found.Add(($"PAGE {path}", "GET", path));
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is null)
            {
                found.Add(($"ANY {raw}", "GET", raw));
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                found.Add(($"{method} {raw}", method, raw));
            }
        }

        return found.DistinctBy(f => f.Key).ToList();
    }

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var missing = Endpoints().Select(e => e.Key).Where(k => !Matrix.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without an access rule: " + string.Join(", ", missing));
    }

    public static TheoryData<string> Callers => new(Roles.All.Append(Public));

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_role_reaches_exactly_its_endpoints(string caller)
    {
        var organisation = caller is Roles.Exporter or Roles.EndUser ? await server.CreatePartyAsync($"Org {Guid.NewGuid():N}", caller == Roles.Exporter ? "CN" : "DE") : (Guid?)null;
        var client = caller == Public ? server.Anonymous : await server.ClientAs(caller, organisation);
        var failures = new List<string>();
        foreach (var (key, method, path) in Endpoints().Where(e => Matrix.ContainsKey(e.Key)))
        {
            var allowed = Matrix[key];
            var expectAllowed = allowed.Contains(Public) || allowed.Contains(caller) || (allowed.Contains(Anyone) && caller != Public);
            var url = RouteParameter().Replace(path, m => m.Value.StartsWith("{id", StringComparison.Ordinal) || m.Value.EndsWith(":guid}", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "v1");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT")
            {
                // Uploads take a form: routing answers 415 to JSON before authorization is even asked.
                request.Content = key.EndsWith("/versions", StringComparison.Ordinal)
                    ? new MultipartFormDataContent { { new StringContent("lodestone"), "format" } }
                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var status = response.StatusCode;
            var toLogin = status == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
            // The token endpoint answers wrong credentials ({} here) with 401: that is its job, not a refusal.
            var refused = key == "POST /api/v1/auth/token"
                ? status == HttpStatusCode.Forbidden
                : status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || toLogin;
            if (expectAllowed == refused)
            {
                failures.Add($"{key}: {(int)status}{(expectAllowed ? " (should be allowed)" : " (should be refused)")}");
            }
            else if (!expectAllowed && caller == Public && key.StartsWith("PAGE", StringComparison.Ordinal) != toLogin)
            {
                failures.Add($"{key}: anonymous got {(int)status}; pages redirect to sign-in, the API answers 401");
            }
            else if (!expectAllowed && caller != Public && status != HttpStatusCode.Forbidden)
            {
                failures.Add($"{key}: {(int)status}; a signed-in caller without the role gets 403");
            }
        }

        Assert.True(failures.Count == 0, $"{caller}: " + string.Join("; ", failures));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

public sealed class SqliteAccessMatrixTests(SqliteServer server) : AccessMatrixTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAccessMatrixTests(PostgresServerFixture server) : AccessMatrixTests(server), IClassFixture<PostgresServerFixture>;
