using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Lists;

/// <summary>Every restricted-party list with its kind, authority and current version; and the recent re-screenings.</summary>
public sealed class IndexModel(ListCatalogService catalog, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    /// <summary>Recent re-screenings, for the roles that may read hits (as <c>GET /api/v1/screening/jobs</c>); null for the others.</summary>
    public IReadOnlyList<RescreenJobResponse>? Jobs { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lists = await catalog.ListsAsync(ct);
        if ((await authorization.AuthorizeAsync(User, Hosting.Policies.ReadHits)).Succeeded)
        {
            Jobs = (await catalog.JobsAsync(ct)).Take(10).ToList();
        }
    }
}
