using Lodestone.Domain.Common;
using Lodestone.Services.Analytics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Analytics;

/// <summary>The export dashboard: monthly tonnage, one destination against the total, the month's biggest movements, and the table by destination.</summary>
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

    /// <summary>The month whose movements are listed (default: the last month shown).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<ExportRow> Totals { get; private set; } = [];

    public IReadOnlyList<ExportRow> Focus { get; private set; } = [];

    public IReadOnlyList<ExportRow> ByDestination { get; private set; } = [];

    public IReadOnlyList<MovementRow> Movements { get; private set; } = [];

    public DateOnly MovementMonth { get; private set; }

    public string Query => $"from={From}&to={To}&destination={Destination}";

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
            Totals = await analytics.ExportsAsync(from, to, "month", null, ct);
            Focus = await analytics.ExportsAsync(from, to, "month", Destination, ct);
            ByDestination = (await analytics.ExportsAsync(from, to, "destination", null, ct)).OrderByDescending(r => r.Kg).ToList();
            Movements = (await analytics.MovementsAsync(MovementMonth, 1000m, ct)).Take(10).ToList();
        });
    }
}
