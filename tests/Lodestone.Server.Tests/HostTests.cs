using System.Net;
using Lodestone.Testing;

namespace Lodestone.Server.Tests;

/// <summary>Health, the OpenAPI document, the reference data endpoints and the pages.</summary>
public sealed class HostTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await server.Anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_API()
    {
        var (status, doc) = await Api.GetAsync(server.Anonymous, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/applications", paths);
        Assert.Contains("/api/v1/applications/{id}/decision", paths);
        Assert.Contains("/api/v1/classifications", paths);
        Assert.Contains("/api/v1/parties/{id}/owners", paths);
        Assert.Contains("/api/v1/licences/{id}", paths);
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var response = await server.Anonymous.GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_list_says_what_is_in_force()
    {
        var (_, list) = await Api.GetAsync(server.Client, "/api/v1/control-list");
        var instruments = list["instruments"]!.AsArray();
        Assert.Contains(instruments, i => i!.Str("id") == "ann-18-2025" && i!["inForceToday"]!.GetValue<bool>());
        Assert.Contains(instruments, i => i!.Str("id") == "ann-57-2025" && !i!["inForceToday"]!.GetValue<bool>()); // suspended on 15 Sep 2025
    }

    [Fact]
    public async Task The_policy_in_force_is_published()
    {
        var (_, policy) = await Api.GetAsync(server.Client, "/api/v1/policy");
        Assert.Equal("2025.1", policy.Str("version"));
        Assert.Equal(64, policy.Str("sha256").Length);
    }

    [Theory]
    [InlineData("/", "officer")]
    [InlineData("/applications/new", "exporter")]
    [InlineData("/control-list", "analyst")]
    [InlineData("/classify", "end-user")]
    [InlineData("/audit", "auditor")]
    public async Task Pages_render_for_their_roles(string path, string role)
    {
        var org = role is "exporter" or "end-user" ? await server.CreatePartyAsync($"Org {Guid.NewGuid():N}", role == "exporter" ? "CN" : "DE") : (Guid?)null;
        var response = await (await server.ClientAs(role, org)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lodestone", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_application_page_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/applications/{Guid.NewGuid()}")).StatusCode);
}
