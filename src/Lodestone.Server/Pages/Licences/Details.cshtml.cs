using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Licences;

/// <summary>
/// A licence: scope, validity, balance and its chart, history, shipments and change requests. Officers suspend,
/// reinstate, revoke and decide non-key changes; the holder asks for changes and surrenders it.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class DetailsModel(LicenceService licences, ShipmentService shipments) : PageModel
{
    /// <summary>The most shipments the page reads for its table and chart.</summary>
    private const int MaxPages = 25;

    private const int ShipmentPage = 200;

    public static readonly IReadOnlyList<(string Value, bool IsKey)> ChangeFields =
        Enum.GetValues<LicenceChangeField>().Select(f => (WireName.Of(f), LicenceChange.IsKeyField(f))).ToList();

    private static readonly string[] Drawn = ["released", "arrived", "in-use"];

    public LicenceResponse? Licence { get; private set; }

    public IReadOnlyList<LicenceChangeResponse> Changes { get; private set; } = [];

    /// <summary>The licence's shipments, newest first.</summary>
    public IReadOnlyList<ShipmentSummary> Shipments { get; private set; } = [];

    internal IReadOnlyList<BalanceChart.Draw> Draws => Shipments.Where(s => Drawn.Contains(s.Status)).Select(s => new BalanceChart.Draw(s.DeclaredOn, s.QuantityKg)).ToList();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<string> Fields { get; set; } = [];

    [BindProperty]
    public string? Description { get; set; }

    [TempData]
    public string? Done { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => PageErrors.ShowAsync(this, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => licences.SuspendAsync(id, new ReasonRequest(Reason), ct), "Suspended.", ct);

    public Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => licences.ReinstateAsync(id, new ReasonRequest(Reason), ct), "Reinstated.", ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, () => licences.RevokeAsync(id, new ReasonRequest(Reason), ct), "Revoked.", ct);

    public Task<IActionResult> OnPostSurrenderAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Roles.Exporter, () => licences.SurrenderAsync(id, new ReasonRequest(Reason), ct), "Surrendered: no more shipments go under this licence.", ct);

    public Task<IActionResult> OnPostRequestChangeAsync(Guid id, CancellationToken ct) =>
        RunAsync(
            id,
            Roles.Exporter,
            async () =>
            {
                var change = await licences.RequestChangeAsync(id, new LicenceChangeRequest(Fields, Description), ct);
                return change.IsKey
                    ? "Key change requested: the licence is suspended; file a new application for the changed export."
                    : $"Change requested; the decision is due by {change.DueDate:yyyy-MM-dd}.";
            },
            ct);

    public Task<IActionResult> OnPostDecideChangeAsync(Guid id, Guid changeId, string? outcome, CancellationToken ct) =>
        RunAsync(id, Roles.Officer, async () => (await licences.DecideChangeAsync(id, changeId, new LicenceChangeDecisionRequest(outcome, Reason), ct)).Status == "approved" ? "Change approved." : "Change refused.", ct);

    private Task<IActionResult> RunAsync(Guid id, string role, Func<Task<LicenceResponse>> command, string done, CancellationToken ct) =>
        RunAsync(id, role, async () => { await command(); return done; }, ct);

    private async Task<IActionResult> RunAsync(Guid id, string role, Func<Task<string>> command, CancellationToken ct)
    {
        // Each command belongs to one role (ASVS 8.2.1); the service checks the holder.
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

        return await PageErrors.ShowAsync(this, () => LoadAsync(id, ct));
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Licence = await licences.GetAsync(id, ct);
        Changes = await licences.ChangesAsync(id, ct);
        var all = new List<ShipmentSummary>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var batch = await shipments.ListAsync(null, id, null, page, ShipmentPage, ct);
            all.AddRange(batch.Items);
            if (all.Count >= batch.Total || batch.Items.Count == 0)
            {
                break;
            }
        }

        Shipments = all;
    }
}
