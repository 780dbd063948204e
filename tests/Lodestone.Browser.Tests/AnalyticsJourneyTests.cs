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
        // The chart is an OxyPlot SVG: a bar per month (its fill) and the US line named in the legend; the
        // figures behind it are in the table under it.
        await Expect(page.Locator("#export-chart")).ToBeVisibleAsync();
        Assert.InRange(await page.Locator("#export-chart rect[style*='fill:rgb(122,156,198)']").CountAsync(), 20, 21); // 20 bars and the legend's swatch
        await Expect(page.Locator("#export-chart text", new() { HasText = "US" }).First).ToBeAttachedAsync();
        await Expect(page.Locator("#export-chart-data tbody tr")).ToHaveCountAsync(20);
        await Expect(page.Locator("#export-chart-data tbody tr").Nth(16)).ToContainTextAsync("2025-05");
        await Expect(page.Locator("#export-chart-data tbody tr").Nth(16).Locator("td").Nth(1)).ToHaveTextAsync("1,238");

        var us = page.Locator("#movements tr.highlight", new() { HasText = "US" });
        await Expect(us).ToContainTextAsync("US \u221288.6% m/m, \u221292.8% y/y, May 2025");
        await Expect(page.Locator("#by-destination tbody tr").First).ToContainTextAsync("DE");

        var csv = await page.APIRequest.GetAsync(await page.Locator("#destination-csv").GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.StartsWith("month,week,destination,control_code,sector,authorisation,kg,value,shipments", text, StringComparison.Ordinal);
        Assert.Contains("\n,,US,,,,", text, StringComparison.Ordinal);

        // Decisions: outcomes and rates per lane, and processing times in working days.
        await Expect(page.Locator("#decisions-by-lane tbody tr", new() { HasText = "standard" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#times-by-lane tbody tr", new() { HasText = "veu-fast-track" })).ToContainTextAsync("0");
        var decisions = await page.APIRequest.GetAsync(await page.Locator("#decisions-csv").GetAttributeAsync("href") ?? string.Empty);
        Assert.StartsWith("month,week,destination,control_code,sector,lane,applications,approved,denied", await decisions.TextAsync(), StringComparison.Ordinal);

        // By week: shipments recorded in Lodestone only (statistics are monthly), one bar per ISO week.
        await page.SelectOptionAsync("select[name=grain]", "week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("h2", new() { HasText = "Tonnes per week" })).ToBeVisibleAsync();
        await Expect(page.Locator("p.muted", new() { HasText = "customs statistics are published monthly" })).ToBeVisibleAsync();
        await Expect(page.Locator("#export-chart-data tbody tr").First).ToContainTextAsync("-W");
    }

    [Fact]
    public async Task A_policy_maker_replays_2025_under_a_draft_and_sees_which_applications_flip_and_why()
    {
        var page = await browser.SignedInAsync("policy-admin");
        await page.GotoAsync("/analytics");
        await page.GetByRole(AriaRole.Link, new() { Name = "What-if replay of a draft policy" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("What-if replay");

        // The policy in force is filled in; add a rule presuming denial for every export to the US.
        var policy = page.Locator("textarea[name=Policy]");
        var yaml = await policy.InputValueAsync();
        Assert.Contains("version: \"2025.1\"", yaml, StringComparison.Ordinal);
        await policy.FillAsync(yaml
            .Replace("version: \"2025.1\"", "version: \"2025.2-draft\"", StringComparison.Ordinal)
            .Replace("  - id: military-end-use\n", "  - id: us-presumption\n    lane: presumption-of-denial\n    reason: Exports to the US are presumed denied.\n    when: { destinations: [US] }\n  - id: military-end-use\n", StringComparison.Ordinal));
        await page.FillAsync("input[name=From]", "2025-01-01");
        await page.FillAsync("input[name=To]", "2025-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        await Expect(page.Locator("#what-if-summary h2")).ToContainTextAsync("Draft 2025.2-draft");
        Assert.True(int.Parse(await page.Locator("#flipped").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await Expect(page.Locator("#shifts tbody tr").First).ToContainTextAsync("presumption-of-denial");
        var flip = page.Locator("#flips tbody tr").First;
        await Expect(flip).ToContainTextAsync("US");
        await Expect(flip).ToContainTextAsync("New rule 'us-presumption' sends it to presumption-of-denial");
        await Expect(page.Locator("#what-if-chart")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#what-if-chart-data tbody tr").CountAsync() > 0);
        await Expect(page.Locator("#cells tbody tr.highlight", new() { HasText = "US" }).First).ToContainTextAsync("→");

        // The flipped applications download as CSV from the same run.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#flips-csv").ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        Assert.Equal("application,filed_on,destination,kg,from_lane,from_rule,to_lane,to_rule,deciding_rule,why", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains(",US,", l, StringComparison.Ordinal));

        // A broken draft is refused with its line, and nothing else changes.
        await policy.FillAsync("version: \"x\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: a\n    lane: nowhere\n    reason: r\n    when: {}\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("Line 5");
    }

    [Fact]
    public async Task An_analyst_sees_the_replay_in_aggregate_without_applications()
    {
        var page = await browser.SignedInAsync("analyst");
        await page.GotoAsync("/analytics/what-if");
        await page.FillAsync("input[name=From]", "2025-01-01");
        await page.FillAsync("input[name=To]", "2025-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        // The policy in force reproduces every lane; an analyst never sees an application number.
        await Expect(page.Locator("#flipped")).ToHaveTextAsync("0");
        await Expect(page.Locator("#no-shifts")).ToBeVisibleAsync();
        await Expect(page.Locator("#flips")).ToHaveCountAsync(0);
        await Expect(page.Locator("#flips-csv")).ToHaveCountAsync(0);
    }
}
