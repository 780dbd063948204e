using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lodestone.Server.Pages;

/// <summary>The officers' queue: open cases by due date, filterable by status and lane.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class IndexModel(ApplicationService applications) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = ApplicationService.OpenStatus;

    [BindProperty(SupportsGet = true)]
    public string? Lane { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<ApplicationSummary> Result { get; private set; } = new([], 1, PageSize, 0);

    public IEnumerable<SelectListItem> StatusOptions =>
        new[] { new SelectListItem("Open (in review or clock stopped)", ApplicationService.OpenStatus), new SelectListItem("All statuses", string.Empty) }
            .Concat(Enum.GetValues<ApplicationStatus>().Select(s => new SelectListItem(WireName.Of(s), WireName.Of(s))));

    public IEnumerable<SelectListItem> LaneOptions =>
        new[] { new SelectListItem("All lanes", string.Empty) }
            .Concat(Enum.GetValues<Lane>().Select(l => new SelectListItem(WireName.Of(l), WireName.Of(l))));

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        await PageErrors.TryAsync(ModelState, async () => Result = await applications.ListAsync(Status, Lane, PageNumber, PageSize, ct));
    }
}
