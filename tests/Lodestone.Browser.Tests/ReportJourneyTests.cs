using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>
/// Held goods released and reported on, on the demo: magnets declared under a licence without their composition
/// are held for evidence; the officer releases them from the holds queue, which draws the licence and schedules
/// the post-shipment reports; the exporter files the transport and arrival reports and finds them filed.
/// </summary>
public sealed class ReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Held_without_composition_released_then_transport_and_arrival_reports_filed()
    {
        var endUserName = $"Evidence Motors {Guid.NewGuid():N}"[..28];
        var endUserId = await browser.CreatePartyAsync(endUserName, "DE", ["automotive"], ["end-user"], asRole: "exporter");
        var (licenceId, licenceNumber) = await browser.IssueLicenceAsync(endUserId, 1000m);

        // Magnets under HS 8505.11 with no composition: held for evidence, nothing drawn, no report owed yet.
        var exporter = await browser.SignedInAsync("exporter");
        await exporter.GotoAsync($"/licences/{licenceId}");
        await exporter.Locator("#declare-under").ClickAsync();
        var number = $"CD-{Guid.NewGuid():N}"[..15];
        await ShipmentJourneyTests.DeclareAsync(exporter, number, null, endUserName, "250", "20000", composition: "");
        var shipmentUrl = exporter.Url;
        await Expect(exporter.Locator("#shipment-status")).ToHaveTextAsync("held");
        await Expect(exporter.Locator("#reasons")).ToContainTextAsync("HS 8505.11 magnets declared without composition evidence");
        await Expect(exporter.Locator("#items tbody tr").First.Locator("td").Nth(2)).ToHaveTextAsync("—");
        await Expect(exporter.Locator("#no-reports")).ToBeVisibleAsync();
        await Expect(exporter.Locator("#release")).ToHaveCountAsync(0);

        // The officer finds it in the holds queue and releases it: drawn, reports scheduled with due dates.
        var officer = await browser.SignedInAsync("officer");
        await officer.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Holds", Exact = true }).ClickAsync();
        var hold = officer.Locator("#holds tbody tr", new() { HasText = number });
        await Expect(hold).ToContainTextAsync("without composition evidence");
        await hold.GetByRole(AriaRole.Link, new() { Name = "release" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/shipments/[0-9a-f-]{36}#release$"));
        await officer.Locator("#release").GetByLabel("Reason").FillAsync("Test report shows Nd-Fe-B with 0.8% Dy, as licensed.");
        await officer.Locator("#release-submit").ClickAsync();
        await Expect(officer.Locator("#shipment-status")).ToHaveTextAsync("released");
        await Expect(officer.Locator("#history")).ToContainTextAsync("as licensed");
        await Expect(officer.Locator("#release")).ToHaveCountAsync(0);

        await exporter.GotoAsync(shipmentUrl);
        await Expect(exporter.Locator("#shipment-status")).ToHaveTextAsync("released");
        await Expect(exporter.Locator("#declaration")).ToContainTextAsync("yes: the balance was drawn");
        var reports = exporter.Locator("#reports tbody tr");
        await Expect(reports.Locator("td:first-child")).ToHaveTextAsync(["transport", "arrival", "installation", "use"]);
        foreach (var dueOn in await reports.Locator("td:nth-child(2)").AllTextContentsAsync())
        {
            Assert.Matches(@"^20\d\d-\d\d-\d\d$", dueOn);
        }

        await Expect(reports.Locator("td:nth-child(3)")).ToHaveTextAsync(["—", "—", "—", "—"]);

        // The exporter files the transport and arrival reports: filed, and the goods have arrived.
        await FileAsync(exporter, "transport", "Left Ningbo on the MSC Aurora, bill of lading MSCU1234567.");
        await FileAsync(exporter, "arrival", "Received at the Leipzig plant; seals intact.");
        await Expect(exporter.Locator("#shipment-status")).ToHaveTextAsync("arrived");
        await Expect(Report(exporter, "transport").Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^20\d\d-\d\d-\d\d by \S+$"));
        await Expect(Report(exporter, "arrival").Locator("td").Nth(3)).ToHaveTextAsync("Received at the Leipzig plant; seals intact.");
        await Expect(Report(exporter, "installation").Locator("td").Nth(2)).ToHaveTextAsync("—");
        await Expect(exporter.Locator("#file-transport, #file-arrival")).ToHaveCountAsync(0);
        await Expect(exporter.Locator("#file-installation")).ToBeVisibleAsync();

        // The filed tab of the reports page lists both for the exporter; the due tab (paged, earliest due first) the other two.
        await exporter.GotoAsync("/reports");
        await exporter.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "filed", Exact = true }).ClickAsync();
        await Expect(exporter).ToHaveURLAsync(new Regex("/reports\\?state=filed$"));
        var filed = await PageToAsync(exporter, number);
        await Expect(filed.Locator("td:nth-child(3)")).ToHaveTextAsync(["transport", "arrival"]);
        await Expect(filed.Locator("td:nth-child(5)")).ToHaveTextAsync(["filed", "filed"]);

        await exporter.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "due", Exact = true }).ClickAsync();
        await Expect(exporter).ToHaveURLAsync(new Regex("/reports\\?state=due$"));
        var due = await PageToAsync(exporter, number);
        await Expect(due.Locator("td:nth-child(3)")).ToHaveTextAsync(["installation", "use"]);
        await Expect(due.Locator("td:nth-child(5)")).ToHaveTextAsync(["due", "due"]);
    }

    /// <summary>The report rows of a declaration, following the pager's "Next" link until they show.</summary>
    private static async Task<ILocator> PageToAsync(IPage page, string number)
    {
        var rows = page.Locator("#reports tbody tr", new() { HasText = number });
        var next = page.Locator("nav.pager").GetByRole(AriaRole.Link, new() { Name = "Next →" });
        await Expect(page.Locator("nav.pager")).ToBeVisibleAsync();
        for (var p = 2; await rows.CountAsync() == 0 && await next.CountAsync() == 1; p++)
        {
            await next.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"[?&]p={p}$"));
        }

        return rows;
    }

    private static ILocator Report(IPage page, string kind) =>
        page.Locator("#reports tbody tr", new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex($"^{kind}$") }) });

    private static async Task FileAsync(IPage page, string kind, string text)
    {
        var form = page.Locator($"#file-{kind}");
        await form.GetByLabel("Report").FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = $"File the {kind} report" }).ClickAsync();
        await Expect(page.Locator("#done")).ToHaveTextAsync($"The {kind} report is filed.");
    }
}
