using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>An analyst reads the export dashboard in a real browser: the monthly chart, the May 2025 collapse among the movements, the table and its CSV.</summary>
public sealed class AnalyticsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_analyst_finds_the_May_2025_collapse_of_exports_to_the_US()
    {
        var page = await browser.SignedInAsync("analyst");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Analytics", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Export analytics");

        await page.FillAsync("input[name=from]", "2024-01");
        await page.FillAsync("input[name=to]", "2025-08");
        await page.FillAsync("input[name=destination]", "US");
        await page.FillAsync("input[name=month]", "2025-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        // 20 months of bars with the US drawn as a line; the demo is seeded as of 15 Sep 2025, so August is the last month.
        await Expect(page.Locator("#export-chart rect.bar")).ToHaveCountAsync(20);
        await Expect(page.Locator("#export-chart polyline.focus")).ToHaveCountAsync(1);
        await Expect(page.Locator("#export-chart rect.bar").Nth(16).Locator("title")).ToHaveTextAsync("2025-05: 1,238 t");

        var us = page.Locator("#movements tr.highlight", new() { HasText = "US" });
        await Expect(us).ToContainTextAsync("US \u221288.6% m/m, \u221292.8% y/y, May 2025");
        await Expect(page.Locator("#by-destination tbody tr").First).ToContainTextAsync("DE");

        var csv = await page.APIRequest.GetAsync(await page.Locator("#destination-csv").GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.StartsWith("month,destination,control_code,sector,authorisation,kg,value,shipments", text, StringComparison.Ordinal);
        Assert.Contains("\n,US,,,,", text, StringComparison.Ordinal);
    }
}
