using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Shipments;

/// <summary>The officers' holds queue: held goods, oldest first, with the reasons customs holds them.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.Review)]
public sealed class HoldsModel(ShipmentService shipments) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<ShipmentSummary> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        await PageErrors.TryAsync(ModelState, async () => Result = await shipments.ListAsync("held", null, null, PageNumber, PageSize, ct));
    }
}
