using Lodestone.Domain.Audit;
using Lodestone.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages;

/// <summary>The audit trail with filters and the chain's verification.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.Audit)]
public sealed class AuditModel(AuditService audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    public AuditVerification? Verification { get; private set; }

    public PagedAudit Records { get; private set; } = new([], 1, 200, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Verification = await audit.VerifyAsync(ct);
        Records = await audit.ListAsync(Action, EntityType, EntityId, Actor, 1, 200, ct);
    }
}
