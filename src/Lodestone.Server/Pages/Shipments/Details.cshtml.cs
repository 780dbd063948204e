using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Shipments;

/// <summary>
/// A shipment: status and reasons, items with their control codes and missing evidence, history and reports.
/// Officers release or refuse held goods; the exporter files the reports that are due.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class DetailsModel(ShipmentService shipments, ReportService reports) : PageModel
{
    public ShipmentResponse? Shipment { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Done { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        PageErrors.ShowAsync(this, async () => Shipment = await shipments.GetAsync(id, ct));

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, async () => $"Released; the shipment is {(await shipments.ReleaseAsync(id, new ReasonRequest(Reason), ct)).Status}.", ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, async () => $"Refused; the shipment is {(await shipments.RefuseAsync(id, new ReasonRequest(Reason), ct)).Status}.", ct);

    public Task<IActionResult> OnPostFileReportAsync(Guid id, string? kind, CancellationToken ct) =>
        RunAsync(id, Roles.Exporter, async () => $"The {(await reports.FileAsync(id, new FileReportRequest(kind, Text), ct)).Kind} report is filed.", ct);

    private async Task<IActionResult> RunAsync(Guid id, string role, Func<Task<string>> command, CancellationToken ct)
    {
        // Each command belongs to one role (ASVS 8.2.1); the service checks the exporter.
        if (!User.IsInRole(role))
        {
            return Forbid();
        }

        string? message = null;
        if (await PageErrors.TryAsync(ModelState, async () => message = await command()) && message is not null)
        {
            Done = message;
            return RedirectToPage(new { id });
        }

        return await PageErrors.ShowAsync(this, async () => Shipment = await shipments.GetAsync(id, ct));
    }
}
