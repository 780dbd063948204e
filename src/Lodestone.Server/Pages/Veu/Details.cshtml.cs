using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Veu;

/// <summary>
/// A VEU: scope, vetting findings, the committee's votes (each member's), history, cap usage. Officers vet,
/// request information, suspend and reinstate; committee members vote and vote to revoke; the applicant answers.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadVeu)]
public sealed class DetailsModel(VeuService veus) : PageModel
{
    public VeuResponse? Veu { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await PageErrors.ShowAsync(this, async () => Veu = await veus.GetAsync(id, ct));

    public Task<IActionResult> OnPostVetAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => veus.VetAsync(id, ct), v => $"Vetting {(v.Panel.Count > 0 ? "opened" : "refreshed")}: {v.Findings.Count(f => f.Blocking)} blocking finding(s).", ct);

    public Task<IActionResult> OnPostRequestInformationAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => veus.RequestInformationAsync(id, new VeuReasonRequest(Reason), ct), _ => "Information requested; the vetting clock is stopped.", ct);

    public Task<IActionResult> OnPostProvideInformationAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, null, () => veus.ProvideInformationAsync(id, new VeuReasonRequest(Reason), ct), _ => "Information provided; the vetting clock runs again.", ct);

    public Task<IActionResult> OnPostVoteAsync(Guid id, string vote, CancellationToken ct) =>
        RunAsync(id, Roles.Committee, () => veus.VoteAsync(id, new VeuVoteRequest(vote, Reason), ct), v => $"Vote recorded; the VEU is {v.Status}.", ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Committee, () => veus.RevokeAsync(id, new VeuReasonRequest(Reason), ct), v => $"Vote to revoke recorded; the VEU is {v.Status}.", ct);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => veus.SuspendAsync(id, new VeuReasonRequest(Reason), ct), _ => "Suspended.", ct);

    public Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => veus.ReinstateAsync(id, new VeuReasonRequest(Reason), ct), _ => "Reinstated.", ct);

    private async Task<IActionResult> RunAsync(Guid id, string? role, Func<Task<VeuResponse>> command, Func<VeuResponse, string> done, CancellationToken ct)
    {
        // Answering is open to the applicant's organisation and officers; everything else belongs to one role (ASVS 8.2.1).
        var allowed = role is null
            ? User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Exporter) || User.IsInRole(Roles.EndUser)
            : User.IsInRole(role);
        if (!allowed)
        {
            return Forbid();
        }

        VeuResponse? result = null;
        if (await PageErrors.TryAsync(ModelState, async () => result = await command()) && result is not null)
        {
            Done = done(result);
            return RedirectToPage(new { id });
        }

        return await PageErrors.ShowAsync(this, async () => Veu = await veus.GetAsync(id, ct));
    }
}
