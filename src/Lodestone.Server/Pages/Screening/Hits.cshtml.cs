using Lodestone.Domain.Common;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Screening;

/// <summary>
/// The new-hits queue: party hits by review state, with the applications and licences each affects.
/// Officers confirm a hit or clear it as a false positive; the other roles that may read hits only read.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadHits)]
public sealed class HitsModel(PartyScreeningService screening, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> ReviewStates = ["unreviewed", "confirmed", "cleared"];

    [BindProperty(SupportsGet = true)]
    public string? Review { get; set; } = "unreviewed";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? ConfirmReason { get; set; }

    [BindProperty]
    public string? ClearReason { get; set; }

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>What the last command did, shown once after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The hit whose form failed: its form keeps what the officer typed.</summary>
    public Guid? FailedHit { get; private set; }

    public PagedList<HitResponse> Result { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Clearances end a year from today unless the officer picks another date.</summary>
    public DateOnly DefaultExpiry => ChinaTime.DateOf(time.GetUtcNow()).AddYears(1);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid hitId, CancellationToken ct) =>
        await RunAsync(hitId, async () =>
        {
            var hit = await screening.ConfirmAsync(hitId, new ReviewHitRequest(ConfirmReason, null), ct);
            Done = $"Confirmed: {hit.PartyName} is {hit.EntryName} on {hit.ListName}.";
        }, ct);

    public async Task<IActionResult> OnPostClearAsync(Guid hitId, CancellationToken ct) =>
        await RunAsync(hitId, async () =>
        {
            var hit = await screening.ClearAsync(hitId, new ReviewHitRequest(ClearReason, ExpiresOn), ct);
            Done = $"Cleared as a false positive: {hit.PartyName} against {hit.EntryName} on {hit.ListName}, until {hit.ClearedUntil:yyyy-MM-dd} or until the entry changes.";
        }, ct);

    private async Task<IActionResult> RunAsync(Guid hitId, Func<Task> command, CancellationToken ct)
    {
        // Auditors and policy administrators read the queue; reviewing is the officer's (ASVS 8.2.1).
        if (!User.IsInRole(Roles.Officer))
        {
            return Forbid();
        }

        if (ModelState.IsValid && await PageErrors.TryAsync(ModelState, command))
        {
            // Post/redirect/get: a refresh never repeats the review.
            return RedirectToPage(new { review = Review, p = PageNumber });
        }

        FailedHit = hitId;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Review = string.IsNullOrWhiteSpace(Review) ? "unreviewed" : Review;
        PageNumber = Math.Max(1, PageNumber);
        await PageErrors.TryAsync(ModelState, async () => Result = await screening.QueueAsync(Review, PageNumber, PageSize, ct));
    }
}
