using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestone.Testing;

namespace Lodestone.Browser.Tests;

/// <summary>Sets up licences through the API, as the demo accounts, so a browser test starts from an issued licence.</summary>
internal static class LicenceApi
{
    /// <summary>The exporter files an individual application for magnets to <paramref name="endUserId"/> in DE and the officer approves it: the licence issued.</summary>
    public static async Task<(Guid Id, string Number)> IssueLicenceAsync(this BrowserFixture browser, Guid endUserId, decimal kg)
    {
        var exporters = await browser.SendAsync("exporter", HttpMethod.Get, "/api/v1/parties?role=exporter&search=JL%20MAG", null);
        var exporterId = exporters.EnumerateArray().First().GetProperty("id").GetGuid();
        var application = await browser.SendAsync("exporter", HttpMethod.Post, "/api/v1/applications", new
        {
            channel = "individual",
            exporterId,
            endUserId,
            destination = "DE",
            endUse = new { category = "automotive", description = "Traction motors for battery electric vehicles" },
            items = new[] { new { form = "magnet", composition = new Dictionary<string, decimal> { ["Nd"] = 29m, ["Dy"] = 0.8m, ["Fe"] = 69m, ["B"] = 1m }, hsCode = "8505111000", quantityKg = kg, value = kg * 80m } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        });
        var applicationId = application.GetProperty("id").GetGuid();
        var licence = await browser.SendAsync("officer", HttpMethod.Post, $"/api/v1/applications/{applicationId}/decision", new { outcome = "approved", reason = "End-user certificate verified; civil automotive use." });
        return (licence.GetProperty("id").GetGuid(), licence.GetProperty("number").GetString()!);
    }

    /// <summary>Sends an API request as the demo account of <paramref name="role"/>; fails the test on an error status.</summary>
    public static async Task<JsonElement> SendAsync(this BrowserFixture browser, string role, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await ServerFixture.TokenAsync(browser.Http, BrowserFixture.Email(role), Lodestone.Services.AccountService.DemoPassword(role)));
        using var response = await browser.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
