using System.Globalization;
using System.Text.RegularExpressions;
using Lodestone.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>
/// A licence's lifecycle through its page's forms, on the demo: the officer suspends it and a declaration under
/// it is refused, then reinstates it; the exporter asks for a non-key change the officer approves, then a key
/// change that suspends the licence, and finally surrenders it.
/// </summary>
public sealed class LicenceJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Suspend_refuse_a_declaration_reinstate_change_and_surrender()
    {
        var endUserName = $"Lifecycle Motors {Guid.NewGuid():N}"[..28];
        var endUserId = await browser.CreatePartyAsync(endUserName, "DE", ["automotive"], ["end-user"], asRole: "exporter");
        var (licenceId, licenceNumber) = await browser.IssueLicenceAsync(endUserId, 1000m);

        // The officer suspends it: the banner gives the reason.
        var officer = await browser.SignedInAsync("officer");
        await officer.GotoAsync($"/licences/{licenceId}");
        await Form(officer, "#suspend").GetByLabel("Reason").FillAsync("End-user certificate under review.");
        await officer.Locator("#suspend").ClickAsync();
        await Expect(officer.Locator("#licence-status")).ToHaveTextAsync("suspended");
        await Expect(officer.Locator("#suspension")).ToContainTextAsync("Suspended by the authority");
        await Expect(officer.Locator("#suspension")).ToContainTextAsync("End-user certificate under review.");

        // The exporter may not declare from the licence page, and a declaration citing it is refused.
        var exporter = await browser.SignedInAsync("exporter");
        await exporter.GotoAsync($"/licences/{licenceId}");
        await Expect(exporter.Locator("#suspension")).ToBeVisibleAsync();
        await Expect(exporter.Locator("#declare-under")).ToHaveCountAsync(0);
        await exporter.GotoAsync("/shipments/new");
        await ShipmentJourneyTests.DeclareAsync(exporter, $"CD-{Guid.NewGuid():N}"[..15], licenceNumber, endUserName, "100", "8000");
        await Expect(exporter.Locator("#shipment-status")).ToHaveTextAsync("refused");
        await Expect(exporter.Locator("#reasons")).ToContainTextAsync($"Licence {licenceNumber} is suspended (End-user certificate under review.)");

        // The officer reinstates it; the history lists each step.
        await officer.ReloadAsync();
        await Form(officer, "#reinstate").GetByLabel("Reason").FillAsync("Certificate confirmed by the end user.");
        await officer.Locator("#reinstate").ClickAsync();
        await Expect(officer.Locator("#licence-status")).ToHaveTextAsync("active");
        await Expect(officer.Locator("#suspension")).ToHaveCountAsync(0);
        var actions = officer.Locator("#history tbody tr td:nth-child(3)");
        await Expect(actions).ToHaveTextAsync(["issued", "suspended", "reinstated"]);
        await Expect(officer.Locator("#history tbody tr", new() { HasText = "reinstated" })).ToContainTextAsync("Certificate confirmed by the end user.");

        // A non-key change (transport) is pending with a due date 20 working days on (at least four weeks).
        await exporter.GotoAsync($"/licences/{licenceId}");
        await RequestChangeAsync(exporter, "transport", "Ship from Ningbo instead of Shanghai.");
        var done = await exporter.Locator("#done").TextContentAsync();
        var due = Regex.Match(done!, @"due by (\d{4}-\d{2}-\d{2})").Groups[1].Value;
        Assert.True(DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) >= DateOnly.FromDateTime(ServerFixture.Now.UtcDateTime).AddDays(28), $"due {due}");
        var transport = exporter.Locator("#changes tbody tr", new() { HasText = "Ningbo" });
        await Expect(transport.Locator("td").Nth(3)).ToHaveTextAsync("pending");
        await Expect(transport.Locator("td").Nth(4)).ToHaveTextAsync(due);
        await Expect(exporter.Locator("#licence-status")).ToHaveTextAsync("active");
        await Expect(transport.Locator("form")).ToHaveCountAsync(0); // the holder does not decide its own change

        // The officer approves it through the decision form.
        await officer.ReloadAsync();
        var row = officer.Locator("#changes tbody tr", new() { HasText = "Ningbo" });
        await row.GetByLabel("Reason").FillAsync("Route is within the licensed destination.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(officer.Locator("#done")).ToHaveTextAsync("Change approved.");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("approved");
        await Expect(row.Locator("td").Nth(5)).ToContainTextAsync("Route is within the licensed destination.");

        // A key change (end user) suspends the licence at once.
        await exporter.ReloadAsync();
        await RequestChangeAsync(exporter, "end-user (key)", "The motors go to the sister plant instead.");
        await Expect(exporter.Locator("#done")).ToContainTextAsync("Key change requested: the licence is suspended");
        await Expect(exporter.Locator("#licence-status")).ToHaveTextAsync("suspended");
        await Expect(exporter.Locator("#suspension")).ToContainTextAsync("Suspended for a key change");
        await Expect(exporter.Locator("#suspension")).ToContainTextAsync("No shipment is released under this licence while it is suspended.");
        await Expect(exporter.Locator("#changes tbody tr", new() { HasText = "sister plant" })).ToContainTextAsync("end-user (key)");

        // The exporter surrenders it: no form is left.
        await Form(exporter, "#surrender").GetByLabel("Reason").FillAsync("Replaced by a new application for the sister plant.");
        await exporter.Locator("#surrender").ClickAsync();
        await Expect(exporter.Locator("#licence-status")).ToHaveTextAsync("surrendered");
        await Expect(exporter.Locator("#suspension")).ToHaveCountAsync(0);
        await Expect(exporter.Locator("#request-change")).ToHaveCountAsync(0);
        await Expect(exporter.Locator("#surrender")).ToHaveCountAsync(0);
        await Expect(exporter.Locator("main form")).ToHaveCountAsync(0);

        await officer.ReloadAsync();
        await Expect(officer.Locator("#licence-status")).ToHaveTextAsync("surrendered");
        await Expect(officer.Locator("#suspend, #reinstate, #revoke")).ToHaveCountAsync(0);
        await Expect(officer.Locator("#history tbody tr").Last).ToContainTextAsync("surrendered");
    }

    private static ILocator Form(IPage page, string button) => page.Locator("form", new() { Has = page.Locator(button) });

    private static async Task RequestChangeAsync(IPage page, string field, string description)
    {
        var form = page.Locator("#request-change");
        await form.GetByLabel(field, new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Description").FillAsync(description);
        await page.Locator("#request-change-submit").ClickAsync();
        await Expect(page.Locator("#done")).ToBeVisibleAsync();
    }
}
