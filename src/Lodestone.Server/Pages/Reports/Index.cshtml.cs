using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Reports;

/// <summary>Post-shipment reports (art. 18), earliest due first: due, overdue or filed. Officers see all, exporters their own.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class IndexModel(ReportService reports) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; } = "due";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<ReportResponse> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        await PageErrors.TryAsync(ModelState, async () => Result = await reports.ListAsync(State, PageNumber, PageSize, ct));
    }
}
