using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Applications;

/// <summary>One application: lane and reasons, clock and stops, items, and the officer's decision form.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class DetailsModel(ApplicationService applications) : PageModel
{
    public ApplicationResponse? Application { get; private set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Override { get; set; }

    [BindProperty]
    public string? StopReason { get; set; }

    [BindProperty]
    public DateOnly? StopFrom { get; set; }

    [BindProperty]
    public DateOnly? StopTo { get; set; }

    [BindProperty]
    public string? StopNote { get; set; }

    [BindProperty]
    public DateOnly? ResumeTo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct) =>
        await RunAsync(id, () => applications.DecideAsync(id, new DecisionRequest(Outcome, Reason, Override), ct), ct);

    public async Task<IActionResult> OnPostStopClockAsync(Guid id, CancellationToken ct) =>
        await RunAsync(id, () => applications.StopClockAsync(id, new ClockStopRequest(StopReason, StopFrom, StopTo, StopNote), ct), ct);

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        await RunAsync(id, () => applications.ResumeClockAsync(id, new ResumeClockRequest(ResumeTo), ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> command, CancellationToken ct)
    {
        // The page is readable by several roles; its commands are the officer's (ASVS 8.2.1).
        if (!User.IsInRole(Services.Roles.Officer))
        {
            return Forbid();
        }

        if (await PageErrors.TryAsync(ModelState, command))
        {
            // Post/redirect/get: a refresh never repeats the command.
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        return await PageErrors.ShowAsync(this, async () => Application = await applications.GetAsync(id, ct));
    }
}
