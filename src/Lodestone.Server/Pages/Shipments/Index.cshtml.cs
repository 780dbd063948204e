using Lodestone.Domain.Common;
using Lodestone.Domain.Shipments;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Shipments;

/// <summary>Customs declarations the user may see, newest first (held ones oldest first), filtered by status.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class IndexModel(ShipmentService shipments) : PageModel
{
    private const int PageSize = 50;

    public static readonly IReadOnlyList<string> Statuses = Enum.GetValues<ShipmentStatus>().Select(s => WireName.Of(s)).ToList();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Only the goods declared under one VEU (directly, or on its fast-track licences).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Veu { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<ShipmentSummary> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        await PageErrors.TryAsync(ModelState, async () => Result = await shipments.ListAsync(Status, null, Veu, PageNumber, PageSize, ct));
    }
}
