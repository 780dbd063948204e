using Lodestone.Services;
using Lodestone.Services.Checks;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Checks;

/// <summary>Control-list proposals raised by violations; policy administrators confirm or reject the pending ones (art. 28).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadChecks)]
public sealed class ProposalsModel(ListProposalService proposals) : PageModel
{
    public IReadOnlyList<ListProposalResponse> Proposals { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Proposals = await proposals.ListAsync(null, ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => proposals.ConfirmAsync(id, new ProposalDecisionRequest(Reason), ct), p => $"{p.Party.Name} is on {p.ListId} from version {p.ListVersion}.", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => proposals.RejectAsync(id, new ProposalDecisionRequest(Reason), ct), p => $"Rejected; {p.ListId} is unchanged.", ct);

    private async Task<IActionResult> RunAsync(Func<Task<ListProposalResponse>> command, Func<ListProposalResponse, string> done, CancellationToken ct)
    {
        // Listing is the authority's decision (art. 28): policy administrators only.
        if (!User.IsInRole(Roles.PolicyAdmin))
        {
            return Forbid();
        }

        ListProposalResponse? result = null;
        if (await PageErrors.TryAsync(ModelState, async () => result = await command()) && result is not null)
        {
            Done = done(result);
            return RedirectToPage();
        }

        Proposals = await proposals.ListAsync(null, ct);
        return Page();
    }
}
