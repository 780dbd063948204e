using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Veu;

/// <summary>VEUs the user may see, open cases first; committee members see what waits for their vote.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadVeu)]
public sealed class IndexModel(VeuService veus) : PageModel
{
    public static readonly IReadOnlyList<string> Statuses = ["applied", "vetting", "active", "under-review", "suspended", "revoked", "expired", "refused"];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<VeuSummary> Veus { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        await PageErrors.TryAsync(ModelState, async () => Veus = await veus.ListAsync(Status, ct));
}
