using Lodestone.Services;
using Lodestone.Services.Checks;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Checks;

/// <summary>A check: party, deadline, findings, history and any control-list proposal. Officers record each step.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadChecks)]
public sealed class DetailsModel(EndUseCheckService checks) : PageModel
{
    public EndUseCheckResponse? Check { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await PageErrors.ShowAsync(this, async () => Check = await checks.GetAsync(id, ct));

    public Task<IActionResult> OnPostDocumentsAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => checks.RequestDocumentsAsync(id, new CheckNoteRequest(Text), ct), _ => "Documents requested.", ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => checks.VerifyAsync(id, new CheckFindingsRequest(Text), ct), _ => "Verified.", ct);

    public Task<IActionResult> OnPostNonCooperationAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => checks.RecordNonCooperationAsync(id, new CheckFindingsRequest(Text), ct), c => $"Non-cooperation recorded: {c.History[^1].Note}", ct);

    public Task<IActionResult> OnPostViolationAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => checks.RecordViolationAsync(id, new CheckFindingsRequest(Text), ct), _ => "Violation recorded; the control list is proposed to the policy administrators.", ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<EndUseCheckResponse>> command, Func<EndUseCheckResponse, string> done, CancellationToken ct)
    {
        // Reading is open to policy administrators and auditors; every step belongs to officers (ASVS 8.2.1).
        if (!User.IsInRole(Roles.Officer))
        {
            return Forbid();
        }

        EndUseCheckResponse? result = null;
        if (await PageErrors.TryAsync(ModelState, async () => result = await command()) && result is not null)
        {
            Done = done(result);
            return RedirectToPage(new { id });
        }

        return await PageErrors.ShowAsync(this, async () => Check = await checks.GetAsync(id, ct));
    }
}
