using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>Each demo account signs in with its documented password and sees only what its role may see.</summary>
public sealed class RoleNavigationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { "exporter", ["Queue", "New application", "Classify"], ["/audit"] },
        { "end-user", ["Queue", "Classify"], ["/applications/new", "/audit"] },
        { "officer", ["Queue", "Classify"], ["/applications/new", "/audit"] },
        { "committee", ["Queue"], ["/applications/new", "/audit"] },
        { "policy-admin", ["Queue", "Control list"], ["/applications/new", "/audit"] },
        { "auditor", ["Queue", "Audit"], ["/applications/new"] },
        { "analyst", ["Classify", "Control list", "Analytics"], ["/", "/applications/new", "/audit"] },
        { "admin", ["Classify"], ["/", "/applications/new", "/audit"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_role_sees_its_links_and_is_turned_away_elsewhere(string role, string[] links, string[] refused)
    {
        var page = await browser.SignedInAsync(role);
        foreach (var link in links)
        {
            await Expect(page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }

        foreach (var path in refused)
        {
            await page.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
        }
    }

    [Fact]
    public async Task The_exporter_queue_holds_only_its_own_organisation_s_applications()
    {
        var page = await browser.SignedInAsync("exporter");
        await page.GotoAsync("/?status=");
        var exporters = await page.Locator("#queue tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.NotEmpty(exporters);
        Assert.All(exporters, e => Assert.Equal("JL MAG Rare-Earth Co., Ltd.", e.Trim()));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await browser.SignedInAsync("officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Signed out");
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task The_auditor_sees_the_verified_audit_trail()
    {
        var page = await browser.SignedInAsync("auditor");
        await page.GotoAsync("/audit");
        await Expect(page.Locator("#verification")).ToContainTextAsync("chain intact");

        // The newest records are the demo's last steps (shipments, reports, checks); the filter finds the filings.
        await page.GotoAsync("/audit?action=application.filed");
        await Expect(page.Locator("#audit")).ToContainTextAsync("application.filed");
        await Expect(page.Locator("#audit")).Not.ToContainTextAsync("shipment.declared");
    }
}
