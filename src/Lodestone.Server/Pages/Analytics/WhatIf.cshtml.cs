using Lodestone.DataFiles;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Server.Apis;
using Lodestone.Services;
using Lodestone.Services.Analytics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Analytics;

/// <summary>
/// The what-if replay: a policy-maker edits the policy in force (or pastes a draft), picks the filing days,
/// and sees per month and destination how lanes and the tonnage reaching approval would change, and which
/// applications flip and why. Nothing is saved; a replay reads history only.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.Analytics)]
public sealed class WhatIfModel(PolicyReplayService replays, ReferenceData reference, TimeProvider time) : PageModel
{
    /// <summary>Flipped applications listed on the page (the CSV has up to 100,000).</summary>
    public const int ShownFlips = 200;

    [BindProperty]
    public string? Policy { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    public ReplayReport? Report { get; private set; }

    /// <summary>True when the user may see individual applications (not analysts).</summary>
    public bool SeesApplications => AnalyticsApi.SeesApplications(User);

    public void OnGet()
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        Policy ??= reference.PolicyYaml;
        From ??= new DateOnly(today.Year - 1, 1, 1);
        To ??= new DateOnly(today.Year - 1, 12, 31);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await RunAsync(SeesApplications ? ShownFlips : 0, ct);
        return Page();
    }

    /// <summary>The per-month-and-destination table of the same run, as CSV.</summary>
    public async Task<IActionResult> OnPostCellsAsync(CancellationToken ct) =>
        await RunAsync(0, ct) && Report is { } report ? Csv("what-if-by-month.csv", AnalyticsCsv.ReplayCells(report.Result)) : Page();

    /// <summary>The flipped applications of the same run, as CSV (not for analysts).</summary>
    public async Task<IActionResult> OnPostFlipsAsync(CancellationToken ct)
    {
        if (!SeesApplications)
        {
            return Forbid();
        }

        return await RunAsync(100_000, ct) && Report is { } report ? Csv("what-if-flips.csv", AnalyticsCsv.ReplayFlips(report.Result)) : Page();
    }

    private async Task<bool> RunAsync(int flips, CancellationToken ct)
    {
        return await PageErrors.TryAsync(ModelState, async () =>
            {
                var from = From ?? throw new DomainException(nameof(From), "The first filing day is required.");
                var to = To ?? throw new DomainException(nameof(To), "The last filing day is required.");
                if (Policy?.Length > AnalyticsApi.MaxPolicyChars)
                {
                    throw new DomainException(nameof(Policy), $"A draft policy is at most {AnalyticsApi.MaxPolicyChars / 1024} KB.");
                }

                var draft = string.IsNullOrWhiteSpace(Policy) ? null : PolicyReplayService.ParseDraftText(Policy);
                Report = await replays.RunAsync(draft, from, to, flips, progress: null, ct);
            });
    }

    private FileContentResult Csv(string name, (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) table)
    {
        using var stream = new MemoryStream();
        CsvExport.Write(stream, table.Header, table.Rows);
        return File(stream.ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>Approved tonnage per month, as happened and under the draft, for the chart.</summary>
    internal static (IReadOnlyList<ChartPoint> Historical, IReadOnlyList<ChartPoint> Draft) Monthly(ReplayResult result) =>
        (result.Cells.Select(c => new ChartPoint(Periods.Label(c.Month, Grain.Month), c.ApprovedKg / 1000m)).ToList(),
         result.Cells.Select(c => new ChartPoint(Periods.Label(c.Month, Grain.Month), c.DraftApprovedKg / 1000m)).ToList());
}
