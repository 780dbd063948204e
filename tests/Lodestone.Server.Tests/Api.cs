using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lodestone.Server.Tests;

/// <summary>Small HTTP helpers that keep the tests about behaviour, not plumbing.</summary>
internal static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostRawAsync(HttpClient client, string url, string json)
    {
        var response = await client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await ReadAsync(response));
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
