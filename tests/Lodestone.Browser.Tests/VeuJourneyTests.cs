using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>
/// The VEU program in a real browser, on the demo: an exporter applies for its customer, an officer opens
/// vetting, each of the three demo committee members votes grant, and the exporter's next export to a
/// covered facility is fast-tracked and issued at once, drawing on the cap; the public register lists the
/// VEU for anyone. A bad application keeps the form and names the field.
/// </summary>
public sealed class VeuJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Committee = ["committee@demo.lodestone.test", "committee-2@demo.lodestone.test", "committee-3@demo.lodestone.test"];

    [Fact]
    public async Task From_application_through_unanimous_grant_to_a_fast_tracked_licence()
    {
        var endUserName = $"Elektromotoren Werk {Guid.NewGuid():N}"[..30];
        await browser.CreatePartyAsync(endUserName, "DE", ["automotive"], ["end-user"], asRole: "exporter");

        // The exporter applies for its customer.
        var exporter = await browser.SignedInAsync("exporter");
        await exporter.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "VEUs", Exact = true }).ClickAsync();
        await exporter.Locator("#apply-veu").ClickAsync();
        await exporter.GetByLabel("End user", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{endUserName} (DE)" });
        await exporter.Locator("#exporters").GetByLabel("JL MAG Rare-Earth Co., Ltd.").CheckAsync();
        await exporter.GetByLabel("Facilities, one per line").FillAsync("Stuttgart motor plant | 1 Motorenstrasse, Stuttgart");
        await exporter.GetByLabel("End use (civil only)").SelectOptionAsync("automotive");
        await exporter.GetByLabel("End use: product, application, customers").FillAsync("Traction motors for electric cars");
        await exporter.GetByLabel("Annual cap (kg per calendar year)").FillAsync("5000");
        await exporter.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(exporter.Locator("#veu-status")).ToHaveTextAsync("applied");
        var veuUrl = new Uri(exporter.Url).AbsolutePath;
        var number = (await exporter.Locator("h1").TextContentAsync())!.Replace("VEU ", string.Empty, StringComparison.Ordinal).Trim();

        // An officer opens vetting: the screening is attached and the committee fixed.
        var officer = await browser.SignedInAsync("officer");
        await officer.GotoAsync(veuUrl);
        await officer.Locator("#vet").ClickAsync();
        await Expect(officer.Locator("#veu-status")).ToHaveTextAsync("vetting");
        await Expect(officer.Locator("#findings")).ToContainTextAsync("No list hits");
        await Expect(officer.Locator("#votes tr.pending")).ToHaveCountAsync(3);

        // Every member votes grant; until the last vote it stays in vetting.
        for (var i = 0; i < Committee.Length; i++)
        {
            var member = await SignInAsync(Committee[i], "committee");
            await member.GotoAsync(veuUrl);
            await Expect(member.Locator("#votes")).ToContainTextAsync("not yet voted");
            await member.Locator("#vote-form").GetByLabel("Reason").FillAsync("Civil automotive use verified");
            await member.Locator("#vote-grant").ClickAsync();
            await Expect(member.Locator("#veu-status")).ToHaveTextAsync(i < Committee.Length - 1 ? "vetting" : "active");
            await Expect(member.Locator("#votes")).ToContainTextAsync(Committee[i]);
            await member.Context.CloseAsync();
        }

        // The exporter's export to the covered facility is fast-tracked and issued at once.
        await exporter.GotoAsync("/applications/new");
        await exporter.GetByLabel("Exporter (registered in China)").SelectOptionAsync(new SelectOptionValue { Label = "JL MAG Rare-Earth Co., Ltd. (CN)" });
        await exporter.GetByLabel("End user", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{endUserName} (DE)" });
        await exporter.GetByLabel("End user's facility").FillAsync("Stuttgart motor plant");
        await exporter.GetByLabel("Destination country").FillAsync("DE");
        await exporter.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("automotive");
        await exporter.GetByLabel("Description (product, application, customers)").FillAsync("Traction motors for electric cars");
        await exporter.Locator("select[name='Items[0].Form']").SelectOptionAsync("magnet");
        await exporter.GetByLabel("Composition of item 1").FillAsync("Nd=29, Dy=0.8, Fe=69, B=1");
        await exporter.GetByLabel("HS code of item 1").FillAsync("8505111000");
        await exporter.GetByLabel("Quantity (kg) of item 1").FillAsync("1200");
        await exporter.GetByLabel("Value of item 1").FillAsync("96000");
        await exporter.GetByRole(AriaRole.Button, new() { Name = "File application" }).ClickAsync();
        await Expect(exporter.Locator("#lane")).ToHaveTextAsync("veu-fast-track");
        await Expect(exporter.Locator("#status")).ToHaveTextAsync("approved");
        await Expect(exporter.Locator("#reasons")).ToContainTextAsync(number);

        // The VEU shows the draw on its cap.
        await exporter.Locator("#veu-link").ClickAsync();
        await Expect(exporter.Locator("#usage")).ToContainTextAsync("1,200");
        await Expect(exporter.Locator("#drawdowns")).ToContainTextAsync("1,200");
        await Expect(exporter.Locator("#cap-chart")).ToBeVisibleAsync();

        // Anyone can read the register, signed in or not.
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync("/veu/register");
        await Expect(anonymous.Locator("#register")).ToContainTextAsync(number);
        await Expect(anonymous.Locator("#register")).ToContainTextAsync("Stuttgart motor plant");
    }

    [Fact]
    public async Task A_bad_application_keeps_the_form_and_names_the_field()
    {
        var endUserName = $"Windkraft Werk {Guid.NewGuid():N}"[..26];
        await browser.CreatePartyAsync(endUserName, "DE", ["wind"], ["end-user"], asRole: "exporter");
        var page = await browser.SignedInAsync("exporter");
        await page.GotoAsync("/veu/new");
        await page.GetByLabel("End user", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{endUserName} (DE)" });
        await page.Locator("#exporters").GetByLabel("JL MAG Rare-Earth Co., Ltd.").CheckAsync();
        await page.GetByLabel("Facilities, one per line").FillAsync("Aurich plant without an address");
        await page.GetByLabel("End use (civil only)").SelectOptionAsync("wind-energy");
        await page.GetByLabel("End use: product, application, customers").FillAsync("Direct-drive generators");
        await page.GetByLabel("Annual cap (kg per calendar year)").FillAsync("5000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("name | address");
        await Expect(page.GetByLabel("Facilities, one per line")).ToHaveValueAsync("Aurich plant without an address");
        await Expect(page).ToHaveURLAsync(new Regex("/veu/new$"));
    }

    private async Task<IPage> SignInAsync(string email, string role)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Lodestone.Services.AccountService.DemoPassword(role));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(email);
        return page;
    }
}
