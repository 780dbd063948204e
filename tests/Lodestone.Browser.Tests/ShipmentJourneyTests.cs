using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>
/// Shipments in a real browser, on the demo: the exporter holds an issued licence (filed through the API and
/// approved by the officer), declares a shipment through the form and it is released, drawing the licence's
/// balance; a second declaration beyond the balance is held with the reason shown, and the officer finds it in
/// the holds queue and refuses it.
/// </summary>
public sealed class ShipmentJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Composition = "Nd=29, Dy=0.8, Fe=69, B=1";

    [Fact]
    public async Task Declare_draw_down_declare_beyond_the_balance_held_and_refused()
    {
        var endUserName = $"Drawdown Motors {Guid.NewGuid():N}"[..28];
        var endUserId = await browser.CreatePartyAsync(endUserName, "DE", ["automotive"], ["end-user"], asRole: "exporter");
        var (licenceId, licenceNumber) = await browser.IssueLicenceAsync(endUserId, 1000m);

        // The exporter declares 600 kg under the licence: released, the balance drawn.
        var exporter = await browser.SignedInAsync("exporter");
        await exporter.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Shipments", Exact = true }).ClickAsync();
        await exporter.Locator("#declare-shipment").ClickAsync();
        var first = $"CD-{Guid.NewGuid():N}"[..15];
        await DeclareAsync(exporter, first, licenceNumber, endUserName, "600", "48000");
        await Expect(exporter.Locator("#shipment-status")).ToHaveTextAsync("released");
        await Expect(exporter.Locator("#reasons")).ToContainTextAsync($"Drawn from licence {licenceNumber}");

        await exporter.Locator("#licence-link").ClickAsync();
        await Expect(exporter).ToHaveURLAsync(new Regex($"/licences/{licenceId}$"));
        await Expect(exporter.Locator("#remaining-kg")).ToHaveTextAsync("400 kg");
        await Expect(exporter.Locator("#balance")).ToContainTextAsync("400 kg of 1,000 kg left");
        await Expect(exporter.Locator("#balance-chart")).ToBeVisibleAsync();
        await Expect(exporter.Locator("#balance-chart polyline.used")).ToHaveCountAsync(1);
        await Expect(exporter.Locator("#shipments")).ToContainTextAsync(first);

        // 500 kg more is beyond the 400 kg left: held, with the reason on the shipment page.
        await exporter.Locator("#declare-under").ClickAsync();
        var second = $"CD-{Guid.NewGuid():N}"[..15];
        await DeclareAsync(exporter, second, null, endUserName, "500", "40000");
        await Expect(exporter.Locator("#shipment-status")).ToHaveTextAsync("held");
        await Expect(exporter.Locator("#reasons")).ToContainTextAsync($"Beyond the balance of licence {licenceNumber}: 500 kg declared, 400 of 1,000 kg left");
        await Expect(exporter.Locator("#release")).ToHaveCountAsync(0); // exporters cannot release their own goods

        // The officer finds it in the holds queue and refuses it.
        var officer = await browser.SignedInAsync("officer");
        await officer.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Holds", Exact = true }).ClickAsync();
        var row = officer.Locator("#holds tbody tr", new() { HasText = second });
        await Expect(row).ToContainTextAsync("Beyond the balance of licence");
        await row.GetByRole(AriaRole.Link, new() { Name = "refuse" }).ClickAsync();
        await officer.Locator("#refuse").GetByLabel("Reason").FillAsync("The licence has 400 kg left; declare within the balance.");
        await officer.Locator("#refuse-submit").ClickAsync();
        await Expect(officer.Locator("#shipment-status")).ToHaveTextAsync("refused");
        await Expect(officer.Locator("#history")).ToContainTextAsync("declare within the balance");

        await officer.GotoAsync("/shipments/holds");
        await Expect(officer.Locator("main")).Not.ToContainTextAsync(second);

        // The refused goods drew nothing.
        await exporter.GotoAsync($"/licences/{licenceId}");
        await Expect(exporter.Locator("#remaining-kg")).ToHaveTextAsync("400 kg");
    }

    /// <summary>Fills and submits the declaration form for JL MAG's magnets to <paramref name="endUserName"/> in DE; a blank composition declares none.</summary>
    internal static async Task DeclareAsync(IPage page, string number, string? licenceNumber, string endUserName, string kg, string value, string composition = Composition)
    {
        await page.GetByLabel("Declaration number").FillAsync(number);
        if (licenceNumber is not null)
        {
            await page.GetByLabel("Licence number").FillAsync(licenceNumber);
        }

        await page.GetByLabel("Exporter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "JL MAG Rare-Earth Co., Ltd. (CN)" });
        await page.GetByLabel("End user", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{endUserName} (DE)" });
        await page.GetByLabel("Destination country").FillAsync("DE");
        await page.GetByLabel("HS code of item 1").FillAsync("8505111000");
        await page.GetByLabel("Composition of item 1").FillAsync(composition);
        await page.GetByLabel("Quantity (kg) of item 1").FillAsync(kg);
        await page.GetByLabel("Value of item 1").FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/shipments/[0-9a-f-]{36}$"));
    }
}
