using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>An officer's journey in a real browser: file an application, see its lane and reasons, approve, see the licence.</summary>
public sealed class ApplicationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewApplicationFormAsync(string endUserName)
    {
        // The demo exporter (JL MAG) registers its customer, then files for it in the browser.
        await browser.CreatePartyAsync(endUserName, "DE", ["automotive"], ["end-user"], asRole: "exporter");
        var page = await browser.SignedInAsync("exporter");
        await page.GotoAsync("/applications/new");
        await page.GetByLabel("Exporter (registered in China)").SelectOptionAsync(new SelectOptionValue { Label = "JL MAG Rare-Earth Co., Ltd. (CN)" });
        await page.GetByLabel("End user", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{endUserName} (DE)" });
        await page.GetByLabel("Destination country").FillAsync("DE");
        await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("automotive");
        await page.GetByLabel("Description (product, application, customers)").FillAsync("Traction motors for battery electric vehicles");
        await page.Locator("select[name='Items[0].Form']").SelectOptionAsync("magnet");
        await page.GetByLabel("Composition of item 1").FillAsync("Nd=29, Dy=0.8, Fe=69, B=1");
        await page.GetByLabel("HS code of item 1").FillAsync("8505111000");
        await page.GetByLabel("Quantity (kg) of item 1").FillAsync("1200");
        await page.GetByLabel("Value of item 1").FillAsync("96000");
        return page;
    }

    [Fact]
    public async Task File_an_application_see_its_lane_and_reasons_approve_and_see_the_licence()
    {
        var page = await NewApplicationFormAsync("Journey Motors GmbH");
        await page.GetByRole(AriaRole.Button, new() { Name = "File application" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/applications/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#lane")).ToHaveTextAsync("standard");
        await Expect(page.Locator("#status")).ToHaveTextAsync("in-review");
        await Expect(page.Locator("#reasons")).ToContainTextAsync("1C905.a.4");
        await Expect(page.Locator("#due")).ToHaveTextAsync("2025-11-21");
        await Expect(page.Locator("#decision-form")).ToHaveCountAsync(0); // exporters cannot decide

        // An officer opens the same application and approves it.
        var url = page.Url;
        page = await browser.SignedInAsync("officer");
        await page.GotoAsync(url);
        await page.GetByLabel("Approve and issue the licence").CheckAsync();
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("End-user certificate verified; civil automotive use.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("approved");
        await page.Locator("#licence-link").ClickAsync();
        await Expect(page.Locator("#licence-number")).ToContainTextAsync("EL-2025-");
        await Expect(page.Locator("#validity")).ToHaveTextAsync("2025-09-15 to 2026-09-14");
        await Expect(page.Locator("#balance")).ToContainTextAsync("1,200 kg of 1,200 kg left");
    }

    [Fact]
    public async Task A_bad_quantity_is_shown_next_to_the_form_and_nothing_is_filed()
    {
        var page = await NewApplicationFormAsync("Careless Motors GmbH");
        var before = await browser.CountApplicationsAsync();
        await page.GetByLabel("Quantity (kg) of item 1").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "File application" }).ClickAsync();

        await Expect(page.Locator(".errors")).ToContainTextAsync("QuantityKg: Quantity must be above 0 kg; got -5.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/applications/new$"));
        await Expect(page.GetByLabel("Composition of item 1")).ToHaveValueAsync("Nd=29, Dy=0.8, Fe=69, B=1");
        Assert.Equal(before, await browser.CountApplicationsAsync());
    }

    [Fact]
    public async Task The_queue_filters_by_lane()
    {
        // Without the test report the application goes to enhanced review (missing evidence).
        var page = await NewApplicationFormAsync("Queue Motors GmbH");
        await page.GetByLabel("Technical description or test report (Dy/Tb/Sm content)").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "File application" }).ClickAsync();
        await Expect(page.Locator("#lane")).ToHaveTextAsync("enhanced");
        var number = (await page.Locator("h1").TextContentAsync())!.Replace("Application ", string.Empty, StringComparison.Ordinal).Trim();

        page = await browser.SignedInAsync("officer");
        await page.GotoAsync("/");
        await page.Locator("select[name='lane']").SelectOptionAsync("enhanced");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#queue")).ToContainTextAsync(number);

        await page.Locator("select[name='lane']").SelectOptionAsync("prohibited");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#queue")).Not.ToContainTextAsync(number);
    }

    [Fact]
    public async Task Classify_page_explains_a_magnet()
    {
        var page = await browser.SignedInAsync("analyst");
        await page.GotoAsync("/classify");
        await page.GetByLabel("Composition (wt%)").FillAsync("Sm=25, Co=50, Fe=16, Cu=6, Zr=3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Classify" }).ClickAsync();
        await Expect(page.Locator("#classification")).ToContainTextAsync("1C902.a.4");
    }
}
