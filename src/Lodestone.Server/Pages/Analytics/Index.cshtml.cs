using Lodestone.Domain.Common;
using Lodestone.Services.Analytics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Analytics;

/// <summary>
/// The dashboard: tonnage per month or week with one destination against the total, the month's biggest
/// movements, the table by destination, and decisions: outcomes and rates per lane and month, and processing
/// times per lane and destination.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.Analytics)]
public sealed class IndexModel(AnalyticsService analytics, TimeProvider time) : PageModel
{
    /// <summary>First month shown, e.g. 2025-01 (default: two years back).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last month shown (default: the last complete month).</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The destination drawn as a line against the total (default US).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Destination { get; set; }

    /// <summary><c>month</c> (default) or <c>week</c>: how the chart buckets exports.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Grain { get; set; }

    /// <summary>The month whose movements are listed (default: the last month shown).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<ExportRow> Totals { get; private set; } = [];

    public IReadOnlyList<ExportRow> Focus { get; private set; } = [];

    public IReadOnlyList<ExportRow> ByDestination { get; private set; } = [];

    public IReadOnlyList<MovementRow> Movements { get; private set; } = [];

    public IReadOnlyList<DecisionRow> ByLane { get; private set; } = [];

    public IReadOnlyList<DecisionRow> ByMonth { get; private set; } = [];

    public IReadOnlyList<ProcessingTimeRow> TimesByLane { get; private set; } = [];

    public IReadOnlyList<ProcessingTimeRow> Times { get; private set; } = [];

    public DateOnly MovementMonth { get; private set; }

    public string Query => $"from={From}&to={To}&destination={Destination}&grain={Grain}";

    /// <summary>The chart's series as (period, tonnes).</summary>
    internal static IReadOnlyList<ChartPoint> Series(IReadOnlyList<ExportRow> rows) =>
        rows.Select(r => new ChartPoint(r.Month?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? r.Week ?? string.Empty, r.Kg / 1000m)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var lastComplete = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await PageErrors.TryAsync(ModelState, async () =>
        {
            var to = Apis.AnalyticsApi.ParseMonth(To, "to") ?? lastComplete;
            var from = Apis.AnalyticsApi.ParseMonth(From, "from") ?? to.AddMonths(-23);
            (From, To) = (from.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), to.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            Destination = string.IsNullOrWhiteSpace(Destination) ? "US" : CountryCode.Parse(Destination, "destination").Value;
            MovementMonth = Apis.AnalyticsApi.ParseMonth(Month, "month") ?? to;
            Grain = WireName.Of(Domain.Analytics.Periods.ParseGrain(Grain));
            Totals = await analytics.ExportsAsync(from, to, Grain, null, ct);
            Focus = await analytics.ExportsAsync(from, to, Grain, Destination, ct);
            ByDestination = (await analytics.ExportsAsync(from, to, "destination", null, ct)).OrderByDescending(r => r.Kg).ToList();
            Movements = (await analytics.MovementsAsync(MovementMonth, 1000m, ct)).Take(10).ToList();
            ByLane = await analytics.DecisionsAsync(from, to, "lane", null, ct);
            ByMonth = await analytics.DecisionsAsync(from, to, "month", null, ct);
            TimesByLane = await analytics.ProcessingTimesAsync(from, to, "lane", null, ct);
            Times = await analytics.ProcessingTimesAsync(from, to, "lane,destination", null, ct);
        });
    }
}
