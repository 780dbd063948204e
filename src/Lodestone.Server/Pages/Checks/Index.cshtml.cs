using Lodestone.Services;
using Lodestone.Services.Checks;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Checks;

/// <summary>End-use checks, open ones first by deadline; officers open new ones from the form below the list.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadChecks)]
public sealed class IndexModel(EndUseCheckService checks) : PageModel
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "documents-requested", "verified", "non-cooperative", "violation"];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public string? Kind { get; set; } = "document";

    [BindProperty]
    public Guid? PartyId { get; set; }

    [BindProperty]
    public string? Role { get; set; } = "end-user";

    [BindProperty]
    public Guid? LicenceId { get; set; }

    [BindProperty]
    public Guid? ShipmentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    public int? WorkingDays { get; set; }

    public IReadOnlyList<EndUseCheckSummary> Checks { get; private set; } = [];

    public IReadOnlyList<PartyRef> Parties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Officer))
        {
            return Forbid();
        }

        EndUseCheckResponse? opened = null;
        var request = new OpenCheckRequest
        {
            Kind = Kind,
            PartyId = PartyId,
            Role = Role,
            LicenceId = LicenceId,
            ShipmentId = ShipmentId,
            Reason = Reason,
            Deadline = Deadline,
            WorkingDays = WorkingDays,
        };
        if (ModelState.IsValid && await PageErrors.TryAsync(ModelState, async () => opened = await checks.OpenAsync(request, ct)) && opened is not null)
        {
            return Redirect($"/checks/{opened.Id}");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await PageErrors.TryAsync(ModelState, async () => Checks = await checks.ListAsync(Status, ct));
        if (User.IsInRole(Roles.Officer))
        {
            Parties = await checks.CandidatesAsync(ct);
        }
    }
}
