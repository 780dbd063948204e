using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Licences;

/// <summary>Licences the user may see, newest first, filtered by status.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class IndexModel(LicenceService licences) : PageModel
{
    private const int PageSize = 50;

    public static readonly IReadOnlyList<string> Statuses = Enum.GetValues<LicenceStatus>().Select(s => WireName.Of(s)).ToList();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<LicenceSummary> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        await PageErrors.TryAsync(ModelState, async () => Result = await licences.ListAsync(Status, PageNumber, PageSize, ct));
    }
}
