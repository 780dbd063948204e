using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Parties;

/// <summary>A party: names, screening status and hits, owners, holdings and military ties through ownership.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ReadCases)]
public sealed class DetailsModel(PartyService parties) : PageModel
{
    public PartyResponse? Party { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        PageErrors.ShowAsync(this, async () => Party = await parties.GetAsync(id, ct));
}
