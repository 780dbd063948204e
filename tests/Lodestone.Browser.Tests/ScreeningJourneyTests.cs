using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lodestone.Services;
using Lodestone.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lodestone.Browser.Tests;

/// <summary>
/// Restricted-party screening in a real browser, on the demo with its default lists (data/lists): an
/// officer screens a name and reads why it matched; a policy administrator's bad file is rejected with
/// its line and field and changes nothing, a good one becomes a version with a diff; an officer clears
/// a party hit from the queue; the party page shows the party's screening.
/// The class's tests share one database, so each touches only records no other test here reviews.
/// </summary>
public sealed class ScreeningJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Header = "id,name,name_zh,aliases,country,type,listed,removed,measures,source_url";
    private const string UnreliableEntityList = "cn-unreliable-entity";
    private const string Lockheed = "Lockheed Martin Corporation";

    [Fact]
    public async Task An_officer_screens_a_name_in_Latin_and_in_Chinese_and_sees_why_it_matched()
    {
        var page = await browser.SignedInAsync("officer");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Screening", Exact = true }).ClickAsync();
        await Expect(page.Locator("#loaded-lists")).ToContainTextAsync("Screening against");

        await page.GetByLabel("Name (Latin or Chinese)").FillAsync("Huawei Technologies Co., Ltd.");
        await page.GetByLabel("Country (optional)").FillAsync("CN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();

        var huawei = HuaweiRow(page);
        await Expect(huawei).ToHaveCountAsync(1);
        await Expect(huawei).ToContainTextAsync("US BIS Entity List");
        await Expect(huawei.Locator("td.score")).ToHaveTextAsync(new Regex(@"^(0\.9\d|1\.00)$"));
        await Expect(huawei.Locator(".why")).ToContainTextAsync("huawei");

        // The explanation opens to show the token pairs, the normalised names and the country qualifier.
        var pairs = huawei.Locator("table.token-pairs");
        await Expect(pairs).ToBeHiddenAsync();
        await huawei.GetByText("How it matched").ClickAsync();
        await Expect(pairs).ToBeVisibleAsync();
        await Expect(pairs.Locator("tbody tr").First).ToContainTextAsync("huawei");
        await Expect(huawei.Locator("details")).ToContainTextAsync("agrees (same country)");

        // The Chinese name reaches the same entry, which is listed under its English name only.
        await page.GetByLabel("Name (Latin or Chinese)").FillAsync("华为技术有限公司");
        await page.GetByLabel("Country (optional)").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();
        await Expect(page.Locator("#screening-result h2")).ToContainTextAsync("华为技术有限公司");
        await Expect(HuaweiRow(page)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_name_that_matches_nothing_says_so_and_a_missing_name_is_an_error()
    {
        var page = await browser.SignedInAsync("exporter");
        await page.GotoAsync("/screening");
        await page.GetByLabel("Name (Latin or Chinese)").FillAsync("Zqxv Wholly Unlisted Bakery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();
        await Expect(page.Locator("#no-match")).ToBeVisibleAsync();
        await Expect(page.Locator("#matches")).ToHaveCountAsync(0);

        await page.GetByLabel("Name (Latin or Chinese)").FillAsync("Huawei");
        await page.GetByLabel("Country (optional)").FillAsync("ZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("country");
        await Expect(page.Locator("#screening-result")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_malformed_file_is_rejected_with_its_line_and_field_and_the_list_stays_as_it_was()
    {
        var before = await ListAsync(UnreliableEntityList);
        var page = await browser.SignedInAsync("policy-admin");
        await page.GotoAsync("/lists");
        await page.Locator("#lists").GetByRole(AriaRole.Link, new() { Name = "Unreliable Entity List (不可靠实体清单)" }).ClickAsync();
        await Expect(page.Locator("#current-version")).ToHaveTextAsync($"version {before.Version}");

        await UploadAsync(page, "uel-wrong-header.csv", "ident,name,name_zh,aliases,country,type,listed,removed,measures,source_url\nx-1,Someone,,,,entity,,,,\n");

        var rejected = page.Locator("#import-rejected");
        await Expect(rejected).ToContainTextAsync("nothing was imported");
        await Expect(rejected).ToContainTextAsync("uel-wrong-header.csv");
        await Expect(page.Locator("#rejected-line")).ToHaveTextAsync("1");
        await Expect(page.Locator("#rejected-field")).ToHaveTextAsync("id");
        await Expect(page.Locator("#rejected-problem")).ToContainTextAsync("found 'ident'");
        await Expect(page.Locator("#current-version")).ToHaveTextAsync($"version {before.Version}");
        await Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(before.Version);

        var after = await ListAsync(UnreliableEntityList);
        Assert.Equal(before, after);

        // The first version keeps no diff lines: its page says how many entries it added.
        await page.Locator("#versions").GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Expect(page.Locator("#first-version")).ToContainTextAsync($"all {before.Entries:N0} entries were added");
    }

    [Fact]
    public async Task A_good_file_becomes_a_version_and_the_next_one_shows_its_diff()
    {
        var word = Word();
        var listId = await CreateListAsync($"browser-{word.ToLowerInvariant()}");
        var page = await browser.SignedInAsync("policy-admin");
        await page.GotoAsync($"/lists/{listId}");
        await Expect(page.Locator("#current-version")).ToHaveTextAsync("no version imported yet");

        var v1 = $"{Header}\n" +
                 $"{word}-1,{word} Alpha Trading Ltd,,,DE,entity,2025-01-02,,,\n" +
                 $"{word}-2,{word} Beta Works GmbH,,,DE,entity,2025-01-02,,,\n" +
                 $"{word}-3,{word} Gamma Industries,,,FR,entity,2025-01-02,,,\n";
        await UploadAsync(page, "first.csv", v1);
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Imported version 1 from first.csv: 3 entries");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Re-screening of every party is queued");
        await Expect(page.Locator("#current-version")).ToHaveTextAsync("version 1");
        await Expect(page.Locator("#entries tbody tr")).ToHaveCountAsync(3);

        // A data error is reported on its own line, under its column.
        await UploadAsync(page, "second-bad.csv", v1 + $"{word}-4,{word} Delta Labs,,,Germany,entity,,,,\n");
        await Expect(page.Locator("#rejected-line")).ToHaveTextAsync("5");
        await Expect(page.Locator("#rejected-field")).ToHaveTextAsync("country");
        await Expect(page.Locator("#current-version")).ToHaveTextAsync("version 1");

        // Version 2: one entry removed, one changed (country), one added.
        var v2 = $"{Header}\n" +
                 $"{word}-1,{word} Alpha Trading Ltd,,,DE,entity,2025-01-02,,,\n" +
                 $"{word}-3,{word} Gamma Industries,,,BE,entity,2025-01-02,,,\n" +
                 $"{word}-4,{word} Delta Labs,,,DE,entity,2025-03-04,,,\n";
        await UploadAsync(page, "second.csv", v2);
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Imported version 2 from second.csv: 3 entries (+1 added, −1 removed, ~1 changed)");
        await Expect(page.Locator("#versions tbody tr").First).ToContainTextAsync("+1 −1 ~1");

        await page.Locator("#versions").GetByRole(AriaRole.Link, new() { Name = "2", Exact = true }).ClickAsync();
        await Expect(page.Locator(".diff-added")).ToContainTextAsync($"{word} Delta Labs");
        await Expect(page.Locator(".diff-removed")).ToContainTextAsync($"{word} Beta Works GmbH");
        await Expect(page.Locator(".diff-changed")).ToContainTextAsync($"{word} Gamma Industries");
        await Expect(page.Locator(".diff-changed")).ToContainTextAsync("country");

        await page.GetByRole(AriaRole.Link, new() { Name = "see them as of this version" }).ClickAsync();
        await Expect(page.Locator("#entries")).ToContainTextAsync($"{word} Delta Labs");
        await Expect(page.Locator("#entries")).Not.ToContainTextAsync($"{word} Beta Works GmbH");

        // Entries as of version 1 still hold the removed one.
        await page.GotoAsync($"/lists/{listId}?version=1");
        await page.GetByLabel("Name contains (Latin or Chinese)").FillAsync("Beta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#entries tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#entries")).ToContainTextAsync($"{word} Beta Works GmbH");

        // Each import queued a re-screening of every party; they finish before the next test reviews hits.
        await WaitForRescreeningAsync();
    }

    [Fact]
    public async Task Only_policy_administrators_see_the_upload_form()
    {
        var page = await browser.SignedInAsync("officer");
        await page.GotoAsync($"/lists/{UnreliableEntityList}");
        await Expect(page.Locator("#versions")).ToBeVisibleAsync();
        await Expect(page.Locator("#upload-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_officer_clears_the_Lockheed_Martin_hit_and_it_leaves_the_unreviewed_queue()
    {
        var page = await browser.SignedInAsync("officer");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Hits", Exact = true }).ClickAsync();
        await Expect(page.Locator(".tabs a[aria-current='page']")).ToHaveTextAsync("unreviewed");

        var hit = await FindLockheedUnreliableEntityHitAsync(page);
        Assert.NotNull(hit);
        var hitId = await hit.GetAttributeAsync("id");
        await Expect(hit).ToContainTextAsync("unreliable-entity");
        await Expect(hit.Locator("td.why")).ToContainTextAsync("lockheed");

        await hit.GetByLabel("Reason for clearing").FillAsync("Browser journey: reviewed against the announcement; cleared for the test.");
        await Expect(hit.GetByLabel("Cleared until")).ToHaveValueAsync("2026-09-15");
        await hit.GetByRole(AriaRole.Button, new() { Name = "Clear as false positive" }).ClickAsync();

        await Expect(page.Locator("#done")).ToContainTextAsync($"Cleared as a false positive: {Lockheed}");
        await Expect(page.Locator("#done")).ToContainTextAsync("until 2026-09-15");
        Assert.Null(await FindLockheedUnreliableEntityHitAsync(page));

        // It is in the cleared tab, with who cleared it and why.
        await page.GotoAsync("/screening/hits?review=cleared");
        var cleared = page.Locator($"[id='{hitId}']");
        await Expect(cleared).ToContainTextAsync("Browser journey: reviewed against the announcement");
        await Expect(cleared).ToContainTextAsync("until 2026-09-15");
    }

    [Fact]
    public async Task An_auditor_reads_the_queue_but_has_no_review_forms()
    {
        var page = await browser.SignedInAsync("auditor");
        await page.GotoAsync("/screening/hits");
        await Expect(page.Locator("#hits tbody.hit").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clear as false positive" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm match" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_party_page_shows_Lockheed_Martin_s_screening_status_and_hits()
    {
        var id = await PartyIdAsync(Lockheed);
        var page = await browser.SignedInAsync("officer");
        await page.GotoAsync($"/parties/{id}");

        // The export-control hit is never reviewed by these tests, so the party stays a potential match.
        await Expect(page.Locator("#screening-status")).ToHaveTextAsync("potential-match");
        var hits = page.Locator("#party-hits");
        await Expect(hits).ToContainTextAsync("Unreliable Entity List");
        await Expect(hits).ToContainTextAsync("Export Control List");
        await Expect(hits.Locator("tbody tr", new() { HasText = "Export Control List" }).First).ToContainTextAsync("unreviewed");
        await Expect(page.Locator("#military-ties")).ToBeVisibleAsync();
    }

    private static ILocator HuaweiRow(IPage page) =>
        page.Locator("#matches tr.match").Filter(new() { Has = page.GetByText("Huawei Technologies Co., Ltd.", new() { Exact = true }) });

    private static async Task UploadAsync(IPage page, string fileName, string content)
    {
        await page.GetByLabel("List file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) });
        await page.GetByLabel("Format").SelectOptionAsync("lodestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
    }

    /// <summary>Pages through the unreviewed queue for Lockheed Martin's Unreliable Entity List hit; null when it is not there.</summary>
    private static async Task<ILocator?> FindLockheedUnreliableEntityHitAsync(IPage page)
    {
        await page.GotoAsync("/screening/hits?review=unreviewed");
        while (true)
        {
            await Expect(page.Locator("#hit-count")).ToBeVisibleAsync();
            // The party's aliases also meet other Lockheed entries; this is the party's own name, listed.
            var hit = page.Locator("#hits tbody.hit")
                .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Lockheed, Exact = true }) })
                .Filter(new() { Has = page.Locator("td.entry .entry-name", new() { HasTextRegex = new Regex($"^{Regex.Escape(Lockheed)}$") }) })
                .Filter(new() { HasText = "Unreliable Entity List" });
            if (await hit.CountAsync() == 1)
            {
                return hit;
            }

            var next = page.Locator("nav.pager").GetByRole(AriaRole.Link, new() { Name = "Next →" });
            if (await next.CountAsync() == 0)
            {
                return null;
            }

            await next.ClickAsync();
        }
    }

    private async Task<HttpClient> ClientAsAsync(string role)
    {
        var client = new HttpClient { BaseAddress = browser.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", await ServerFixture.TokenAsync(browser.Http, BrowserFixture.Email(role), AccountService.DemoPassword(role)));
        return client;
    }

    private async Task<string> CreateListAsync(string id)
    {
        using var client = await ClientAsAsync("policy-admin");
        using var response = await client.PostAsJsonAsync("/api/v1/lists", new { id, name = $"Browser test list {id}", authority = "Browser test authority", kind = "watch" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    /// <summary>Waits until no re-screening is pending or running, so no background pass races the next test's review.</summary>
    private async Task WaitForRescreeningAsync()
    {
        using var client = await ClientAsAsync("officer");
        for (var i = 0; i < 240; i++)
        {
            var jobs = await client.GetFromJsonAsync<JsonElement>("/api/v1/screening/jobs");
            if (jobs.EnumerateArray().All(j => j.GetProperty("status").GetString() == "done"))
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail("The re-screenings did not finish within two minutes.");
    }

    private async Task<(int Version, int Entries)> ListAsync(string id)
    {
        using var client = await ClientAsAsync("officer");
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/lists/{id}");
        return (list.GetProperty("currentVersion").GetInt32(), list.GetProperty("entryCount").GetInt32());
    }

    private async Task<Guid> PartyIdAsync(string name)
    {
        using var client = await ClientAsAsync("officer");
        var parties = await client.GetFromJsonAsync<JsonElement>($"/api/v1/parties?search={Uri.EscapeDataString(name)}");
        return parties.EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>A made-up word, so that the lists and entries of a run never meet the demo's.</summary>
    private static string Word()
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var text = new StringBuilder();
        for (var i = 0; i < 4; i++)
        {
            text.Append(consonants[Random.Shared.Next(consonants.Length)]).Append(vowels[Random.Shared.Next(vowels.Length)]);
        }

        return char.ToUpperInvariant(text[0]) + text.ToString(1, text.Length - 1);
    }
}
