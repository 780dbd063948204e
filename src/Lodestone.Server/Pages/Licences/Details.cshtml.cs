using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Licences;

/// <summary>A licence: scope, validity and balance.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class DetailsModel(LicenceService licences) : PageModel
{
    public LicenceResponse? Licence { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        PageErrors.ShowAsync(this, async () => Licence = await licences.GetAsync(id, ct));
}
